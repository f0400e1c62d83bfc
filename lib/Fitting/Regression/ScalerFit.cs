using Pipeline.Contracts;

namespace Pipeline.Fitting.Regression;

/// <summary>Fits the scaler.json contract's <see cref="Scaler"/> with the project's standardisation rule.</summary>
public static class ScalerFit
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
}
