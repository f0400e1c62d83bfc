namespace Pipeline.Fitting.Regression;

/// <summary>Coefficients along a descending alpha path.</summary>
/// <param name="Alphas">The path, descending.</param>
/// <param name="Coefficients">alphas x features, row k holding the solution at Alphas[k].</param>
/// <param name="Iterations">Sweeps used per alpha.</param>
/// <param name="Converged">Whether the gap test was met per alpha.</param>
public sealed record LassoPathResult(double[] Alphas, double[,] Coefficients, int[] Iterations, bool[] Converged)
{
    public int NotConverged => Converged.Count(c => !c);
}

/// <summary>scikit-learn's <c>enet_path</c> for l1_ratio = 1 on already centred data: alphas sorted descending,
/// each solve warm-started from the previous solution (the first from zero). Like <c>precompute='auto'</c> it
/// solves on the Gram matrix when there are more rows than features, otherwise on the data matrix.</summary>
public static class LassoPath
{
    public static LassoPathResult Compute(
        ColumnMajorMatrix centredX, ReadOnlySpan<double> centredY, IReadOnlyList<double> alphas,
        int maxIter, double tol, bool? useGram = null)
    {
        int n = centredX.Rows;
        int p = centredX.Columns;
        if (centredY.Length != n)
            throw new ArgumentException($"x has {n} rows, y has {centredY.Length}");
        var sorted = alphas.OrderByDescending(a => a).ToArray();
        var coefficients = new double[sorted.Length, p];
        var iterations = new int[sorted.Length];
        var converged = new bool[sorted.Length];
        var w = new double[p];

        bool gram = useGram ?? n > p;
        var solver = gram ? PathSolver.ForGram(centredX, centredY) : PathSolver.ForData(centredX, centredY);
        for (int k = 0; k < sorted.Length; k++)
        {
            var result = solver.Solve(w, sorted[k] * n, maxIter, tol);
            for (int j = 0; j < p; j++)
                coefficients[k, j] = w[j];
            iterations[k] = result.Iterations;
            converged[k] = result.Converged;
        }
        return new LassoPathResult(sorted, coefficients, iterations, converged);
    }

    /// <summary>Precomputed inputs and work buffers of one path, so each solve allocates nothing.</summary>
    private abstract class PathSolver
    {
        public abstract CoordinateDescentResult Solve(Span<double> w, double l1, int maxIter, double tol);

        public static PathSolver ForData(ColumnMajorMatrix x, ReadOnlySpan<double> y) => new DataSolver(x, y);

        public static PathSolver ForGram(ColumnMajorMatrix x, ReadOnlySpan<double> y) => new GramSolver(x, y);
    }

    private sealed class DataSolver : PathSolver
    {
        private readonly ColumnMajorMatrix _x;
        private readonly double[] _y;
        private readonly double[] _columnNorms;
        private readonly double[] _residual;

        public DataSolver(ColumnMajorMatrix x, ReadOnlySpan<double> y)
        {
            _x = x;
            _y = y.ToArray();
            _columnNorms = new double[x.Columns];
            for (int j = 0; j < x.Columns; j++)
                _columnNorms[j] = Blas.Dot(x.Column(j), x.Column(j));
            _residual = new double[x.Rows];
        }

        public override CoordinateDescentResult Solve(Span<double> w, double l1, int maxIter, double tol) =>
            CoordinateDescent.SolveDense(_x, _columnNorms, _y, w, l1, maxIter, tol, _residual);
    }

    private sealed class GramSolver : PathSolver
    {
        private readonly double[] _gram;
        private readonly double[] _xty;
        private readonly double _yNorm2;
        private readonly double[] _h;

        public GramSolver(ColumnMajorMatrix x, ReadOnlySpan<double> y)
        {
            int p = x.Columns;
            _gram = new double[p * p];
            _xty = new double[p];
            for (int i = 0; i < p; i++)
            {
                _xty[i] = Blas.Dot(x.Column(i), y);
                for (int j = 0; j <= i; j++)
                {
                    double g = Blas.Dot(x.Column(i), x.Column(j));
                    _gram[i * p + j] = g;
                    _gram[j * p + i] = g;
                }
            }
            _yNorm2 = Blas.Dot(y, y);
            _h = new double[p];
        }

        public override CoordinateDescentResult Solve(Span<double> w, double l1, int maxIter, double tol) =>
            CoordinateDescent.SolveGram(_gram, _xty, _yNorm2, w, l1, maxIter, tol, _h);
    }
}
