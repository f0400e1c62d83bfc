namespace Pipeline.Fitting.Validation;

/// <summary>Error measures of predictions against the computed values: RMSE, MAE and R^2 = 1 - SS_res / SS_tot.</summary>
public sealed record RegressionMetrics(int N, double Rmse, double Mae, double R2)
{
    public static RegressionMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException($"{actual.Count} values but {predicted.Count} predictions");
        int n = actual.Count;
        if (n == 0)
            return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN);
        double mean = actual.Average();
        double ssRes = 0.0, ssTot = 0.0, absSum = 0.0;
        for (int i = 0; i < n; i++)
        {
            double r = predicted[i] - actual[i];
            ssRes += r * r;
            absSum += Math.Abs(r);
            double d = actual[i] - mean;
            ssTot += d * d;
        }
        double r2 = ssTot > 0 ? 1.0 - ssRes / ssTot : double.NaN;
        return new RegressionMetrics(n, Math.Sqrt(ssRes / n), absSum / n, r2);
    }
}
