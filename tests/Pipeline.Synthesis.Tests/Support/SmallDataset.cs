using Pipeline.Synthesis.Stage;

namespace Pipeline.Synthesis.Tests.Support;

/// <summary>A small generated study shared by the tests of one class: 12 NEBs (3 with planted faults, one of each
/// kind), 4 single points, half the OUTCARs gzipped.</summary>
public sealed class SmallDataset() : GeneratedDataset(Settings)
{
    internal static SynthesisSettings Settings { get; } = new()
    {
        Seed = 190, // gives up, down (also in exact up/down ties) and straight hops among the clean ones
        Hops = 12,
        SinglePoints = 4,
        FaultFraction = 0.25,
        TruthSamples = 1000,
    };
}
