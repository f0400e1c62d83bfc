using BenchmarkDotNet.Attributes;
using Pipeline.Fitting.Regression;

namespace Pipeline.Benchmarks;

/// <summary>LassoCV on a generated 2000 x 80 table with scikit-learn's defaults (5 folds, 100 alphas, eps 1e-3,
/// tol 1e-4, max_iter 1000): the size at which scikit-learn 1.2 was timed as the anchor.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Lasso*'</summary>
[MemoryDiagnoser]
[InProcess] // the generated-project build of the whole tool exceeds BenchmarkDotNet's build timeout on 2 cores
[WarmupCount(2)]
[IterationCount(10)]
public class LassoBenchmarks
{
    private ColumnMajorMatrix _x = null!;
    private double[] _y = null!;

    [GlobalSetup]
    public void Setup()
    {
        const int rows = 2000, features = 80;
        var rng = new Random(2024);
        var raw = new ColumnMajorMatrix(rows, features);
        _y = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            // Integer site counts like the descriptors, with neighbouring columns correlated.
            for (int j = 0; j < features; j++)
                raw[i, j] = rng.Next(0, 5) + (j > 0 && rng.NextDouble() < 0.3 ? raw[i, j - 1] : 0);
            double y = 0.4;
            for (int j = 0; j < features; j += 8)
                y += 0.05 * (1 + j % 3) * raw[i, j];
            _y[i] = y + 0.05 * (rng.NextDouble() - 0.5);
        }
        var (mean, std) = Standardizer.Fit(raw);
        _x = Standardizer.Transform(raw, mean, std);
    }

    [Benchmark]
    public double LassoCV_2000x80_defaults() => LassoCV.Fit(_x, _y, new LassoCVOptions()).Alpha;

    [Benchmark]
    public double LassoCV_2000x80_defaults_2_threads() =>
        LassoCV.Fit(_x, _y, new LassoCVOptions { Parallelism = 2 }).Alpha;
}
