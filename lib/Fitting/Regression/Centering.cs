namespace Pipeline.Fitting.Regression;

/// <summary>Column means and in-place centring: what fit_intercept = true does before the Lasso solve.</summary>
public static class Centering
{
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
            throw new ArgumentException("mean of an empty column");
        double sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum / values.Length;
    }

    /// <summary>Subtracts each column's mean in place and returns the means.</summary>
    public static double[] CentreColumns(ColumnMajorMatrix x)
    {
        var means = new double[x.Columns];
        for (int j = 0; j < x.Columns; j++)
        {
            var column = x.Column(j);
            double mean = Mean(column);
            means[j] = mean;
            for (int i = 0; i < column.Length; i++)
                column[i] -= mean;
        }
        return means;
    }

    /// <summary>Returns y - mean(y) and the mean.</summary>
    public static (double[] Centred, double Mean) Centre(ReadOnlySpan<double> y)
    {
        double mean = Mean(y);
        var centred = new double[y.Length];
        for (int i = 0; i < y.Length; i++)
            centred[i] = y[i] - mean;
        return (centred, mean);
    }
}
