namespace Pipeline.Fitting.Regression;

/// <summary>z-score standardisation as DOMAIN.md section 5 fixes it: population std (ddof = 0), and std 1 for a
/// constant column (every value equal) so it maps to zeros instead of dividing by zero.</summary>
public static class Standardizer
{
    public static (double Mean, double Std) Fit(ReadOnlySpan<double> column)
    {
        if (column.IsEmpty)
            throw new ArgumentException("cannot standardise an empty column");
        double mean = Centering.Mean(column);
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        double sumSquares = 0.0;
        foreach (var v in column)
        {
            if (!double.IsFinite(v))
                throw new ArgumentException($"column contains a non-finite value ({v})");
            double d = v - mean;
            sumSquares += d * d;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        double std = min == max ? 1.0 : Math.Sqrt(sumSquares / column.Length);
        return (mean, std);
    }

    /// <summary>Fits every column of <paramref name="x"/>.</summary>
    public static (double[] Mean, double[] Std) Fit(ColumnMajorMatrix x)
    {
        var mean = new double[x.Columns];
        var std = new double[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            (mean[j], std[j]) = Fit(x.Column(j));
        return (mean, std);
    }

    /// <summary>(x - mean) / std column by column, into a new matrix.</summary>
    public static ColumnMajorMatrix Transform(ColumnMajorMatrix x, IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        if (mean.Count != x.Columns || std.Count != x.Columns)
            throw new ArgumentException($"scaler has {mean.Count} columns, data {x.Columns}");
        var result = new ColumnMajorMatrix(x.Rows, x.Columns);
        for (int j = 0; j < x.Columns; j++)
        {
            if (!(std[j] > 0))
                throw new ArgumentException($"scaler std of column {j} is {std[j]}, must be positive");
            var source = x.Column(j);
            var target = result.Column(j);
            for (int i = 0; i < source.Length; i++)
                target[i] = (source[i] - mean[j]) / std[j];
        }
        return result;
    }
}
