using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Tests;

public class CoordinateDescentTests
{
    private static (ColumnMajorMatrix X, double[] Y) CentredProblem(int n, int p, int seed)
    {
        var rng = new Random(seed);
        var x = new ColumnMajorMatrix(n, p);
        for (int j = 0; j < p; j++)
            for (int i = 0; i < n; i++)
                x[i, j] = rng.NextDouble() * 2 - 1 + (j > 0 ? 0.5 * x[i, j - 1] : 0);
        var y = new double[n];
        for (int i = 0; i < n; i++)
            y[i] = 1.5 * x[i, 0] - 2.0 * x[i, 2] + 0.3 * (rng.NextDouble() - 0.5);
        Centering.CentreColumns(x);
        return (x, Centering.Centre(y).Centred);
    }

    /// <summary>Optimality (KKT) of 0.5||y - Xw||^2 + l1||w||_1: X_j'r = l1 sign(w_j) where w_j != 0, |X_j'r| &lt;= l1 elsewhere.</summary>
    private static void AssertKkt(ColumnMajorMatrix x, double[] y, double[] w, double l1, double tolerance)
    {
        var r = (double[])y.Clone();
        for (int j = 0; j < x.Columns; j++)
            for (int i = 0; i < x.Rows; i++)
                r[i] -= x[i, j] * w[j];
        for (int j = 0; j < x.Columns; j++)
        {
            double g = 0;
            for (int i = 0; i < x.Rows; i++)
                g += x[i, j] * r[i];
            if (w[j] != 0)
                Assert.True(Math.Abs(g - l1 * Math.Sign(w[j])) <= tolerance * l1, $"coordinate {j}: gradient {g}, l1 {l1}");
            else
                Assert.True(Math.Abs(g) <= l1 * (1 + tolerance), $"zero coordinate {j}: |gradient| {Math.Abs(g)} > l1 {l1}");
        }
    }

    [Fact]
    public void Dense_solution_satisfies_the_optimality_conditions()
    {
        var (x, y) = CentredProblem(60, 6, 1);
        double l1 = 2.0;
        var w = new double[6];
        var norms = Enumerable.Range(0, 6).Select(j => x.Column(j).ToArray().Sum(v => v * v)).ToArray();
        var result = CoordinateDescent.SolveDense(x, norms, y, w, l1, 100_000, 1e-14, new double[60]);
        Assert.True(result.Converged);
        Assert.Contains(w, v => v == 0.0);
        AssertKkt(x, y, w, l1, 1e-5);
    }

    [Fact]
    public void Gram_and_dense_forms_reach_the_same_solution()
    {
        var (x, y) = CentredProblem(80, 5, 2);
        var path = new[] { 0.5, 0.1, 0.01 };
        var dense = LassoPath.Compute(x, y, path, 100_000, 1e-12, useGram: false);
        var gram = LassoPath.Compute(x, y, path, 100_000, 1e-12, useGram: true);
        for (int k = 0; k < path.Length; k++)
            for (int j = 0; j < 5; j++)
                Assert.Equal(dense.Coefficients[k, j], gram.Coefficients[k, j], 1e-9);
    }

    [Fact]
    public void Orthogonal_design_gives_the_soft_threshold()
    {
        // Columns +-1 patterns that are orthogonal and centred: w_j = S(X_j'y, l1) / ||X_j||^2 in one sweep.
        int n = 8;
        var x = new ColumnMajorMatrix(n, 3);
        for (int i = 0; i < n; i++)
        {
            x[i, 0] = (i & 1) == 0 ? 1 : -1;
            x[i, 1] = (i & 2) == 0 ? 1 : -1;
            x[i, 2] = (i & 4) == 0 ? 1 : -1;
        }
        var y = Enumerable.Range(0, n).Select(i => 3 * x[i, 0] - 0.5 * x[i, 1] + 0.1 * x[i, 2]).ToArray();
        double l1 = 8.0; // X_j'y = 24, -4, 0.8
        var w = new double[3];
        CoordinateDescent.SolveDense(x, [8, 8, 8], y, w, l1, 100, 1e-12, new double[n]);
        Assert.Equal((24 - 8) / 8.0, w[0], 12);
        Assert.Equal(0.0, w[1]);
        Assert.Equal(0.0, w[2]);
    }

    [Fact]
    public void Reports_non_convergence_when_max_iter_is_reached()
    {
        var (x, y) = CentredProblem(50, 6, 3);
        var w = new double[6];
        var norms = Enumerable.Range(0, 6).Select(j => x.Column(j).ToArray().Sum(v => v * v)).ToArray();
        var result = CoordinateDescent.SolveDense(x, norms, y, w, 1e-3, 1, 1e-16, new double[50]);
        Assert.False(result.Converged);
        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void Gram_solve_allocates_nothing()
    {
        var (x, y) = CentredProblem(40, 4, 4);
        var gram = new double[16];
        var xty = new double[4];
        for (int a = 0; a < 4; a++)
        {
            xty[a] = x.Column(a).ToArray().Zip(y).Sum(t => t.First * t.Second);
            for (int b = 0; b < 4; b++)
                gram[a * 4 + b] = x.Column(a).ToArray().Zip(x.Column(b).ToArray()).Sum(t => t.First * t.Second);
        }
        var w = new double[4];
        var h = new double[4];
        double yy = y.Sum(v => v * v);
        CoordinateDescent.SolveGram(gram, xty, yy, w, 0.5, 1000, 1e-8, h);
        Array.Clear(w);
        long before = GC.GetAllocatedBytesForCurrentThread();
        CoordinateDescent.SolveGram(gram, xty, yy, w, 0.5, 1000, 1e-8, h);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
