namespace Pipeline.Transport;

/// <summary>Mean and standard error over independent estimates (kMC seeds, MD blocks). Non-finite values (e.g. a
/// Haven ratio of a run without jumps) are left out; the standard error uses the sample standard deviation (n - 1)
/// and is NaN below 2 values.</summary>
public readonly record struct MeanWithError(double Mean, double StandardError, int Count)
{
    public static MeanWithError Of(IEnumerable<double> values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return new MeanWithError(double.NaN, double.NaN, 0);
        double mean = v.Average();
        if (v.Length < 2) return new MeanWithError(mean, double.NaN, 1);
        double ss = v.Sum(x => (x - mean) * (x - mean));
        return new MeanWithError(mean, Math.Sqrt(ss / (v.Length - 1) / v.Length), v.Length);
    }
}
