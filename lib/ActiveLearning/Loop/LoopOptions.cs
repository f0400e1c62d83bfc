using Pipeline.Contracts;

namespace Pipeline.ActiveLearning.Loop;

/// <summary>Size and settings of the closed-loop benchmark (start from a seeded random set, add batches chosen by a
/// strategy, refit LassoCV after each batch).</summary>
public sealed record LoopOptions
{
    public IReadOnlyList<long> Seeds { get; init; } = [1, 2, 3, 4, 5];
    public IReadOnlyList<string> Strategies { get; init; } = ["random", "uncertainty", "diversity"];
    public int InitialSize { get; init; } = 20;
    public int BatchSize { get; init; } = 10;
    public int Batches { get; init; } = 13;
    public IReadOnlyList<double> Compositions { get; init; } = [0.25, 0.5, 1.0];
    /// <summary>Primitive fcc cells along the three primitive vectors (the synthesizer's convention: 3x4x4 = 48 cation sites).</summary>
    public IReadOnlyList<int> Supercell { get; init; } = [3, 4, 4];
    public double LatticeConstant { get; init; } = 4.12;
    public double Temperature { get; init; } = 1200;
    public int Snapshots { get; init; } = 4;
    public int HopsPerSnapshot { get; init; } = 50;
    /// <summary>Fresh hops per composition and snapshot for the truth error (from an independent chain).</summary>
    public int TestHopsPerSnapshot { get; init; } = 25;
    public int Replicates { get; init; } = 32;
    public bool RefitAlpha { get; init; }
    public double DistanceWeight { get; init; } = 0.05;
    public double MinDistance { get; init; } = 1.0;
    /// <summary>Information-density exponent of the acquisition score (0: off).</summary>
    public double DensityExponent { get; init; }
    public double KraNoise { get; init; } = 0.01;
    public double KraNoiseRelative { get; init; } = 0.03;
    public LassoSettings Lasso { get; init; } = new(Cv: 5, NAlphas: 100, Eps: 1e-3, Tol: 1e-4, MaxIter: 1000);

    public int FinalSize => InitialSize + BatchSize * Batches;

    public void Validate()
    {
        if (Seeds.Count == 0) throw new ArgumentException("seeds: the list is empty");
        if (Strategies.Count == 0) throw new ArgumentException("strategies: the list is empty");
        foreach (var s in Strategies) Acquisition.BatchSelector.Parse(s);
        if (!Strategies.Contains("random")) throw new ArgumentException("strategies: the benchmark needs 'random' as the baseline");
        if (InitialSize < 2 * Lasso.Cv) throw new ArgumentException($"initial_size: {InitialSize} rows cannot feed a {Lasso.Cv}-fold LassoCV (need >= {2 * Lasso.Cv})");
        if (BatchSize < 1) throw new ArgumentException("batch_size: must be >= 1");
        if (Batches < 1) throw new ArgumentException("batches: must be >= 1");
        if (Supercell.Count != 3) throw new ArgumentException($"supercell: expected 3 values, got {Supercell.Count}");
    }
}
