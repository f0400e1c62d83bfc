using MathNet.Numerics.Statistics;

namespace Pipeline.Report.Sections;

/// <summary>Descriptive statistics over the finite values of a column (MathNet.Numerics).</summary>
internal sealed record Statistics(int Count, double Mean, double Std, double Min, double Median, double Max)
{
    /// <summary>Population standard deviation (ddof = 0); NaN and infinities are left out.</summary>
    public static Statistics Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return new Statistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var (mean, std) = v.MeanStandardDeviation();
        // MeanStandardDeviation is the sample (n - 1) estimate; the report states the population std.
        double populationStd = v.Length == 1 ? 0.0 : std * Math.Sqrt((v.Length - 1.0) / v.Length);
        return new Statistics(v.Length, mean, populationStd, v.Minimum(), v.Median(), v.Maximum());
    }
}
