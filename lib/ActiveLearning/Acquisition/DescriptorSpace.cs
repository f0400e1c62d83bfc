namespace Pipeline.ActiveLearning.Acquisition;

/// <summary>Standardized descriptor space: physical descriptors z-scored with a fixed scaler (the barrier model's),
/// where distances between hops and to the training data are measured.</summary>
public sealed class DescriptorSpace
{
    private readonly double[] _mean;
    private readonly double[] _std;

    public DescriptorSpace(IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        if (mean.Count != std.Count) throw new ArgumentException($"scaler has {mean.Count} means and {std.Count} stds");
        for (int j = 0; j < std.Count; j++)
            if (!(std[j] > 0)) throw new ArgumentException($"scaler std of column {j} is {std[j]}, must be positive");
        _mean = mean.ToArray();
        _std = std.ToArray();
    }

    public int Dimensions => _mean.Length;

    public double[] Standardize(ReadOnlySpan<double> physical)
    {
        if (physical.Length != _mean.Length)
            throw new ArgumentException($"expected {_mean.Length} descriptors, got {physical.Length}");
        var z = new double[_mean.Length];
        for (int j = 0; j < z.Length; j++) z[j] = (physical[j] - _mean[j]) / _std[j];
        return z;
    }

    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.Sqrt(s);
    }

    /// <summary>Distance from <paramref name="point"/> to the nearest of <paramref name="set"/> (+infinity for an empty set).</summary>
    public static double NearestDistance(ReadOnlySpan<double> point, IReadOnlyList<double[]> set)
    {
        double best = double.PositiveInfinity;
        foreach (var s in set) best = Math.Min(best, Distance(point, s));
        return best;
    }
}
