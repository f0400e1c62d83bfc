using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;

namespace Pipeline.ActiveLearning.Loop;

/// <summary>The synthesizer standing in for VASP: the synthetic study's lattice-gas energy (as an exact cluster
/// expansion, so the canonical Monte Carlo equilibrates the truth itself) and its KRA barrier process (lowest of the
/// up/down/straight path models plus Gaussian noise). A "calculation" of a hop is one seeded draw of that process;
/// the same hop index and seed always give the same result, whichever strategy asks.</summary>
public sealed class SynthesisOracle
{
    private readonly TruthBarrierModel _barriers;
    private readonly long _seed;

    /// <param name="kraNoise">Noise sigma at zero barrier (eV); the synthesize stage's kra_noise.</param>
    /// <param name="kraNoiseRelative">Extra sigma per eV of barrier; the synthesize stage's kra_noise_relative.</param>
    public SynthesisOracle(long seed, double kraNoise = 0.01, double kraNoiseRelative = 0.03)
    {
        _barriers = TruthBarrierModel.Create(kraNoise, kraNoiseRelative);
        _seed = seed;
    }

    /// <summary>The "computed" KRA (eV) of hop number <paramref name="index"/>: noise included, as a NEB would give it.</summary>
    public double Kra(ReadOnlySpan<double> descriptors, double deltaE, long index)
        => _barriers.Draw(descriptors, deltaE, SeededRandom.For(_seed, SeededRandom.Purpose.HopBarrier, index)).Kra;

    /// <summary>The noise-free truth KRA (eV): what a perfect model would predict.</summary>
    public double TrueKra(ReadOnlySpan<double> descriptors) => _barriers.NoiseFreeKra(descriptors);

    /// <summary>The synthetic study's lattice-gas truth (TruthClusterExpansion.Default) as ECIs of a pair cluster
    /// space that holds its shells (cation-cation to a, anion-anion and cation-anion NN): exact, not fitted.</summary>
    public static CeModel TruthCe(double latticeConstant)
    {
        var truth = TruthClusterExpansion.Default;
        var pairs = truth.Pairs.Select(p => p.Sublattices switch
        {
            PairSublattices.CationCation => new TruthPair(Sublattice.Cation, Sublattice.Cation, p.Shell, p.A, p.B, p.Energy),
            PairSublattices.AnionAnion => new TruthPair(Sublattice.Anion, Sublattice.Anion, p.Shell, p.A, p.B, p.Energy),
            _ => new TruthPair(Sublattice.Cation, Sublattice.Anion, p.Shell, p.A, p.B, p.Energy),
        }).ToList();
        var gas = new LatticeGasTruth(truth.Point, pairs);
        var space = ClusterSpace.Generate([1.05]);
        return gas.ToModel(space, latticeConstant, out var reason)
            ?? throw new InvalidOperationException($"the truth lattice gas does not fit the pair space: {reason}");
    }
}
