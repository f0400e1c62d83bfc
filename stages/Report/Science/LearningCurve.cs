using Pipeline.Fitting.Regression;

namespace Pipeline.Report.Science;

/// <summary>One training-set size of a learning curve: mean training-set size, held-out RMSE (mean and standard error
/// over the outer folds) and training RMSE, in the target's unit.</summary>
internal sealed record LearningPoint(double TrainingSize, double TestRmse, double TestRmseError, double TrainRmse);

/// <summary>A learning curve from real refits: the rows are shuffled once (fixed seed) and split into outer folds;
/// for each fold and each training-set fraction, LassoCV (the same estimator fit-barriers uses, standardised on the
/// training subset alone) is refit on the first rows of the other folds and scored on the held-out fold. A curve
/// still falling at the full size says more calculations would lower the error; a flat one says they would not.</summary>
internal sealed record LearningCurve(string Target, IReadOnlyList<LearningPoint> Points, int Rows, int Descriptors)
{
    public const int OuterFolds = 5;
    public const int Seed = 20240611;
    public static readonly double[] Fractions = [0.2, 0.35, 0.5, 0.75, 1.0];

    /// <summary>Relative drop of the held-out RMSE over the last step of training-set size above which the curve
    /// counts as still falling.</summary>
    public const double StillFalling = 0.03;

    /// <summary>Null when there are too few complete rows for the smallest training set to hold two per descriptor.</summary>
    public static LearningCurve? Compute(string target, IReadOnlyList<string> descriptors, IReadOnlyList<double[]> columns, double[] y,
        CancellationToken cancellation)
    {
        var rows = Enumerable.Range(0, y.Length).Where(i => double.IsFinite(y[i]) && columns.All(c => double.IsFinite(c[i]))).ToArray();
        int p = columns.Count;
        int smallest = (int)(Fractions[0] * rows.Length * (OuterFolds - 1) / OuterFolds);
        if (p == 0 || smallest < Math.Max(2 * p, 2 * 5)) return null;
        var random = new Random(Seed);
        random.Shuffle(rows);

        var test = new List<double>[Fractions.Length];
        var train = new List<double>[Fractions.Length];
        var sizes = new List<double>[Fractions.Length];
        for (int f = 0; f < Fractions.Length; f++) { test[f] = []; train[f] = []; sizes[f] = []; }
        for (int fold = 0; fold < OuterFolds; fold++)
        {
            var held = rows.Where((_, k) => k % OuterFolds == fold).ToArray();
            var rest = rows.Where((_, k) => k % OuterFolds != fold).ToArray();
            for (int f = 0; f < Fractions.Length; f++)
            {
                cancellation.ThrowIfCancellationRequested();
                var subset = rest.Take(Math.Max(2 * p, (int)(Fractions[f] * rest.Length))).ToArray();
                var (trainRmse, testRmse) = RefitAndScore(columns, y, subset, held);
                train[f].Add(trainRmse);
                test[f].Add(testRmse);
                sizes[f].Add(subset.Length);
            }
        }
        var points = Enumerable.Range(0, Fractions.Length).Select(f =>
        {
            var t = test[f];
            double mean = t.Average();
            double se = t.Count > 1 ? Math.Sqrt(t.Sum(v => (v - mean) * (v - mean)) / (t.Count - 1) / t.Count) : double.NaN;
            return new LearningPoint(sizes[f].Average(), mean, se, train[f].Average());
        }).ToList();
        return new LearningCurve(target, points, rows.Length, p);
    }

    /// <summary>True when the held-out error still falls by more than <see cref="StillFalling"/> over the last step.</summary>
    public bool StillImproving =>
        Points.Count >= 2 && Points[^2].TestRmse > 0 && (Points[^2].TestRmse - Points[^1].TestRmse) / Points[^2].TestRmse > StillFalling;

    private static (double Train, double Test) RefitAndScore(IReadOnlyList<double[]> columns, double[] y, int[] trainRows, int[] testRows)
    {
        var xTrain = ColumnMajorMatrix.FromColumns(columns.Select(c => trainRows.Select(i => c[i]).ToArray()).ToList());
        var xTest = ColumnMajorMatrix.FromColumns(columns.Select(c => testRows.Select(i => c[i]).ToArray()).ToList());
        var (mean, std) = Standardizer.Fit(xTrain);
        var yTrain = trainRows.Select(i => y[i]).ToArray();
        var fit = LassoCV.Fit(Standardizer.Transform(xTrain, mean, std), yTrain, new LassoCVOptions());
        return (Rmse(fit.Model.Predict(Standardizer.Transform(xTrain, mean, std)), yTrain),
            Rmse(fit.Model.Predict(Standardizer.Transform(xTest, mean, std)), testRows.Select(i => y[i]).ToArray()));
    }

    private static double Rmse(double[] predicted, double[] actual) =>
        Math.Sqrt(predicted.Zip(actual, (p, a) => (p - a) * (p - a)).Average());
}
