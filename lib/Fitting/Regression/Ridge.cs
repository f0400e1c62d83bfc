using MathNet.Numerics.LinearAlgebra;

namespace Pipeline.Fitting.Regression;

/// <summary>Closed-form ridge regression: minimises ||y - Xw - b||^2 + alpha ||w||^2 (scikit-learn's Ridge
/// objective, intercept not penalised) by solving (Xc'Xc + alpha I) w = Xc'yc on centred data.</summary>
public static class Ridge
{
    public static LinearFit Fit(ColumnMajorMatrix x, ReadOnlySpan<double> y, double alpha, bool fitIntercept = true)
    {
        if (x.Rows != y.Length)
            throw new ArgumentException($"x has {x.Rows} rows, y has {y.Length}");
        if (!(alpha >= 0))
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be non-negative");
        var design = x.Clone();
        var xMeans = fitIntercept ? Centering.CentreColumns(design) : new double[x.Columns];
        double yMean = fitIntercept ? Centering.Mean(y) : 0.0;

        var a = Matrix<double>.Build.Dense(x.Rows, x.Columns, design.Data);
        var centredY = new double[x.Rows];
        for (int i = 0; i < centredY.Length; i++)
            centredY[i] = y[i] - yMean;
        var b = Vector<double>.Build.Dense(centredY);
        var normal = a.TransposeThisAndMultiply(a);
        for (int j = 0; j < x.Columns; j++)
            normal[j, j] += alpha;
        var rhs = a.TransposeThisAndMultiply(b);
        // Cholesky needs positive definiteness; alpha = 0 with collinear columns falls back to the minimum-norm least squares via SVD.
        var w = alpha > 0 ? normal.Cholesky().Solve(rhs) : a.Svd().Solve(b);
        var coefficients = w.ToArray();
        double intercept = yMean;
        for (int j = 0; j < coefficients.Length; j++)
            intercept -= xMeans[j] * coefficients[j];
        return new LinearFit(coefficients, intercept);
    }
}
