using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Tests;

public class RegressionToolsTests
{
    [Fact]
    public void Standardizer_uses_the_population_std_and_maps_constant_columns_to_std_one()
    {
        var (mean, std) = Standardizer.Fit([1.0, 2.0, 3.0, 4.0]);
        Assert.Equal(2.5, mean, 14);
        Assert.Equal(Math.Sqrt(1.25), std, 14);
        var (cMean, cStd) = Standardizer.Fit([0.1, 0.1, 0.1]);
        Assert.Equal(0.1, cMean, 14);
        Assert.Equal(1.0, cStd);
    }

    [Fact]
    public void Alpha_grid_starts_where_every_coefficient_vanishes()
    {
        var rng = new Random(5);
        var x = new ColumnMajorMatrix(40, 3);
        var y = new double[40];
        for (int i = 0; i < 40; i++)
        {
            for (int j = 0; j < 3; j++)
                x[i, j] = rng.Next(0, 5);
            y[i] = 0.2 * x[i, 1] + 0.05 * rng.NextDouble();
        }
        var grid = AlphaGrid.Compute(x, y, 10, 1e-2);
        Assert.Equal(grid[0] * 1e-2, grid[9], 12);
        Assert.True(grid.Zip(grid.Skip(1)).All(t => t.First > t.Second));

        Assert.All(Lasso.Fit(x, y, grid[0] * (1 + 1e-9), 10_000, 1e-12).Fit.Coefficients, c => Assert.Equal(0.0, c));
        Assert.Contains(Lasso.Fit(x, y, grid[0] * 0.99, 10_000, 1e-12).Fit.Coefficients, c => c != 0.0);
    }

    [Fact]
    public void Ridge_without_penalty_recovers_an_exact_linear_relation()
    {
        var x = ColumnMajorMatrix.FromColumns([[1.0, 2, 3, 4, 5, 6], [0.0, 1, 0, 2, 1, 3]]);
        var y = Enumerable.Range(0, 6).Select(i => 0.7 + 0.3 * x[i, 0] - 1.1 * x[i, 1]).ToArray();
        var fit = Ridge.Fit(x, y, 0.0);
        Assert.Equal(0.3, fit.Coefficients[0], 10);
        Assert.Equal(-1.1, fit.Coefficients[1], 10);
        Assert.Equal(0.7, fit.Intercept, 10);
    }

    [Fact]
    public void Ridge_shrinks_orthogonal_columns_by_norm_over_norm_plus_alpha()
    {
        // Centred orthogonal columns with ||X_j||^2 = 4: w_j = X_j'y / (4 + alpha).
        var x = ColumnMajorMatrix.FromColumns([[1.0, -1, 1, -1], [1.0, 1, -1, -1]]);
        double[] y = [3, 1, 2, -2];
        var fit = Ridge.Fit(x, y, 2.0);
        Assert.Equal((3 - 1 + 2 + 2) / 6.0, fit.Coefficients[0], 12);
        Assert.Equal((3 + 1 - 2 + 2) / 6.0, fit.Coefficients[1], 12);
        Assert.Equal(1.0, fit.Intercept, 12);
    }

    [Fact]
    public void LassoCV_takes_an_explicit_alpha_list_in_descending_order()
    {
        var c = Support.ReferenceCase.Load("case03");
        var raw = ColumnMajorMatrix.FromColumns(c.X);
        var (mean, std) = Standardizer.Fit(raw);
        var x = Standardizer.Transform(raw, mean, std);
        // The reference grid given shuffled must reproduce the reference result.
        var shuffled = c.Alphas.Reverse().ToArray();
        var fit = LassoCV.Fit(x, c.Y, new LassoCVOptions { Alphas = shuffled, Tol = 1e-10, MaxIter = 1_000_000 });
        Assert.Equal(c.Alphas, fit.Alphas);
        Assert.Equal(c.Alpha, fit.Alpha, 12);
    }

    [Fact]
    public void Grouped_CV_with_blocks_equal_to_the_KFold_blocks_reproduces_plain_LassoCV()
    {
        // case09 has 40 rows: KFold(5) tests rows 0-7, 8-15, ...; groups i / 8 put the same rows together.
        var c = Support.ReferenceCase.Load("case09");
        var raw = ColumnMajorMatrix.FromColumns(c.X);
        var (mean, std) = Standardizer.Fit(raw);
        var x = Standardizer.Transform(raw, mean, std);
        var options = new LassoCVOptions { Tol = 1e-10, MaxIter = 1_000_000 };
        var grouped = LassoCV.Fit(x, c.Y, options with { Groups = Enumerable.Range(0, 40).Select(i => (double)(i / 8)).ToArray() });
        Assert.Equal(c.Alpha, grouped.Alpha, 1e-10 * c.Alpha);
        for (int k = 0; k < c.MsePathMean.Length; k++)
            Assert.Equal(c.MsePathMean[k], grouped.MsePathMean[k], 1e-8 * c.MsePathMean[k]);

        var byComposition = LassoCV.Fit(x, c.Y, options with { Groups = Enumerable.Range(0, 40).Select(i => (double)(i % 8)).ToArray() });
        Assert.NotEqual(c.MsePathMean[50], byComposition.MsePathMean[50]);
    }
}
