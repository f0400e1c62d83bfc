namespace Pipeline.Fitting.Regression;

/// <summary>scikit-learn's default Lasso alpha grid: n values log-spaced from alpha_max = max_j |Xc_j' yc| / n
/// down to eps * alpha_max, descending, computed on the centred data of all rows.</summary>
public static class AlphaGrid
{
    /// <summary>numpy.finfo(float).resolution: below this alpha_max the grid degenerates to a constant.</summary>
    private const double Resolution = 1e-15;

    public static double AlphaMax(ColumnMajorMatrix x, ReadOnlySpan<double> y)
    {
        if (x.Rows != y.Length)
            throw new ArgumentException($"x has {x.Rows} rows, y has {y.Length}");
        var centredX = x.Clone();
        Centering.CentreColumns(centredX);
        var (centredY, _) = Centering.Centre(y);
        double max = 0.0;
        for (int j = 0; j < x.Columns; j++)
            max = Math.Max(max, Math.Abs(Blas.Dot(centredX.Column(j), centredY)));
        return max / x.Rows;
    }

    public static double[] Compute(ColumnMajorMatrix x, ReadOnlySpan<double> y, int count, double eps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(eps > 0))
            throw new ArgumentOutOfRangeException(nameof(eps), eps, "eps must be positive");
        double alphaMax = AlphaMax(x, y);
        var alphas = new double[count];
        if (alphaMax <= Resolution)
        {
            Array.Fill(alphas, Resolution);
            return alphas;
        }
        var exponents = LinSpace(Math.Log10(alphaMax * eps), Math.Log10(alphaMax), count);
        // logspace ascends; the path runs from the largest alpha down.
        for (int i = 0; i < count; i++)
            alphas[count - 1 - i] = Math.Pow(10.0, exponents[i]);
        return alphas;
    }

    /// <summary>numpy.linspace with endpoint: start + i * step, the last value exactly <paramref name="stop"/>.</summary>
    private static double[] LinSpace(double start, double stop, int count)
    {
        var values = new double[count];
        if (count == 1)
        {
            values[0] = start;
            return values;
        }
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++)
            values[i] = i * step + start;
        values[count - 1] = stop;
        return values;
    }
}
