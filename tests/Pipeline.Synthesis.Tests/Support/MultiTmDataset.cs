using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A small generated Li(1.2-x)Mn0.4Ti0.4O1.8F0.2 study shared by the tests of one class: 60 cation sites
/// (30 formula units: 12 Mn, 12 Ti, 54 O, 6 F), x = 0.1, 0.3, 0.6 in turn, 12 NEBs (3 with planted faults), 4 single
/// points, half the OUTCARs gzipped.</summary>
public sealed class MultiTmDataset() : GeneratedDataset(Settings)
{
    internal static SynthesisSettings Settings { get; } = new()
    {
        Chemistry = "LiMnTiOF",
        Seed = 190,
        Hops = 12,
        SinglePoints = 4,
        Supercell = [3, 4, 5],
        Compositions = [0.1, 0.3, 0.6],
        LatticeConstant = 4.17,
        LatticeSlope = -0.05,
        FaultFraction = 0.25,
        TruthSamples = 6000,
    };
}
