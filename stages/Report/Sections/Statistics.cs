namespace Pipeline.Report.Sections;

/// <summary>Descriptive statistics over the finite values of a column.</summary>
internal sealed record Statistics(int Count, double Mean, double Std, double Min, double Median, double Max)
{
    /// <summary>Population standard deviation (ddof = 0); NaN and infinities are left out.</summary>
    public static Statistics Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).OrderBy(x => x).ToArray();
        if (v.Length == 0) return new Statistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = v.Average();
        double std = Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / v.Length);
        double median = v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
        return new Statistics(v.Length, mean, std, v[0], median, v[^1]);
    }
}
