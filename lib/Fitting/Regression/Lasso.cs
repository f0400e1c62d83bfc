namespace Pipeline.Fitting.Regression;

/// <summary>A linear model with an intercept: y = Intercept + sum Coefficients[j] x_j.</summary>
public sealed record LinearFit(double[] Coefficients, double Intercept)
{
    public double Predict(ReadOnlySpan<double> x)
    {
        double y = Intercept;
        for (int j = 0; j < Coefficients.Length; j++)
            y += Coefficients[j] * x[j];
        return y;
    }

    /// <summary>Predictions for every row of <paramref name="x"/>.</summary>
    public double[] Predict(ColumnMajorMatrix x)
    {
        var y = new double[x.Rows];
        Array.Fill(y, Intercept);
        for (int j = 0; j < x.Columns; j++)
        {
            if (Coefficients[j] != 0.0)
                Blas.Axpy(Coefficients[j], x.Column(j), y);
        }
        return y;
    }
}

/// <summary>scikit-learn's <c>Lasso(alpha, fit_intercept=True, precompute=False)</c>: centre X and y, run
/// coordinate descent on the data matrix from zero, intercept = mean(y) - mean(X) w.</summary>
public static class Lasso
{
    public static (LinearFit Fit, CoordinateDescentResult Solve) Fit(
        ColumnMajorMatrix x, ReadOnlySpan<double> y, double alpha, int maxIter, double tol)
    {
        if (x.Rows != y.Length)
            throw new ArgumentException($"x has {x.Rows} rows, y has {y.Length}");
        if (x.Rows == 0)
            throw new ArgumentException("cannot fit a Lasso on zero rows");
        var centredX = x.Clone();
        var xMeans = Centering.CentreColumns(centredX);
        var (centredY, yMean) = Centering.Centre(y);

        var norms = new double[x.Columns];
        for (int j = 0; j < x.Columns; j++)
            norms[j] = Blas.Dot(centredX.Column(j), centredX.Column(j));
        var w = new double[x.Columns];
        var solve = CoordinateDescent.SolveDense(centredX, norms, centredY, w, alpha * x.Rows, maxIter, tol,
            new double[x.Rows]);
        return (new LinearFit(w, yMean - Blas.Dot(xMeans, w)), solve);
    }
}
