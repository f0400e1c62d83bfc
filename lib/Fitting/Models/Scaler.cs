using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Models;

/// <summary>Per-feature standardisation parameters (the content of scaler.json): x_std = (x - Mean) / Std with the
/// population std, std 1 for a constant column.</summary>
public sealed record Scaler(IReadOnlyList<string> Features, double[] Mean, double[] Std, long NRows, string TrainingHash)
{
    /// <summary>Fits the scaler on the given named columns (all of the same length).</summary>
    public static Scaler Fit(IReadOnlyList<string> features, IReadOnlyList<double[]> columns, string trainingHash)
    {
        if (features.Count != columns.Count)
            throw new ArgumentException($"{features.Count} feature names for {columns.Count} columns");
        var mean = new double[features.Count];
        var std = new double[features.Count];
        for (int j = 0; j < features.Count; j++)
        {
            try
            {
                (mean[j], std[j]) = Standardizer.Fit(columns[j]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"feature '{features[j]}': {e.Message}", e);
            }
        }
        long rows = columns.Count == 0 ? 0 : columns[0].Length;
        return new Scaler(features.ToArray(), mean, std, rows, trainingHash);
    }

    public int IndexOf(string feature)
    {
        for (int j = 0; j < Features.Count; j++)
        {
            if (Features[j] == feature)
                return j;
        }
        return -1;
    }

    /// <summary>Mean and std of the named features in the given order; <paramref name="source"/> names the scaler
    /// file in the error when one is missing.</summary>
    public (double[] Mean, double[] Std) For(IReadOnlyList<string> features, string source)
    {
        var mean = new double[features.Count];
        var std = new double[features.Count];
        for (int j = 0; j < features.Count; j++)
        {
            int k = IndexOf(features[j]);
            if (k < 0)
                throw new InvalidDataException($"{source}: scaler has no feature '{features[j]}' (it has: {string.Join(", ", Features)})");
            mean[j] = Mean[k];
            std[j] = Std[k];
        }
        return (mean, std);
    }
}
