using Pipeline.ActiveLearning.Candidates;
using Pipeline.ActiveLearning.Loop;
using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Tests;

/// <summary>Small shared inputs: the synthetic study's truth CE on its 3x4x4 primitive supercell (48 cation sites).</summary>
internal static class TestPools
{
    public const double A = 4.1;

    public static RockSaltSupercell Cell { get; } = RockSaltSupercell.Primitive(3, 4, 4, A);

    public static CeModel Ce { get; } = SynthesisOracle.TruthCe(A);

    public static CandidatePool Pool(long seed, double temperature = 1200, int snapshots = 4, int hops = 30)
        => CandidateGenerator.Generate(Ce, Cell, new CandidateOptions
        {
            Compositions = [0.25, 1.0],
            Temperature = temperature,
            EquilibrationSweeps = 100,
            SweepsBetweenSnapshots = 10,
            Snapshots = snapshots,
            HopsPerSnapshot = hops,
            Seed = seed,
        });
}
