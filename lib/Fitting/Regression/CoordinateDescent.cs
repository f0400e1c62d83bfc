namespace Pipeline.Fitting.Regression;

/// <summary>Outcome of one coordinate-descent solve.</summary>
/// <param name="Iterations">Full sweeps over the coordinates that ran.</param>
/// <param name="Gap">Last duality gap computed (unscaled objective units).</param>
/// <param name="ScaledTolerance">tol * y'y, the gap threshold that was used.</param>
/// <param name="Converged">False when max_iter sweeps ran without the gap dropping below the threshold.</param>
public readonly record struct CoordinateDescentResult(int Iterations, double Gap, double ScaledTolerance, bool Converged);

/// <summary>Cyclic coordinate descent for the Lasso, following scikit-learn's <c>enet_coordinate_descent</c> and
/// <c>enet_coordinate_descent_gram</c> (l1_ratio = 1, positive = false, selection = cyclic). It minimises
/// 0.5 ||y - Xw||^2 + l1 ||w||_1 on centred data (so l1 = alpha * n_samples). A sweep updates every coordinate in
/// order; when the largest update of a sweep is small relative to the largest weight (or on the last sweep) the
/// duality gap is computed and the solve stops once it is below tol * y'y. Both variants are allocation-free:
/// the caller owns all work buffers.</summary>
public static class CoordinateDescent
{
    /// <summary>Solves on the data matrix. <paramref name="columnNormsSquared"/> holds ||X_j||^2,
    /// <paramref name="residual"/> (length n) is scratch, <paramref name="w"/> is the warm start and the result.</summary>
    public static CoordinateDescentResult SolveDense(
        ColumnMajorMatrix x, ReadOnlySpan<double> columnNormsSquared, ReadOnlySpan<double> y, Span<double> w,
        double l1, int maxIter, double tol, Span<double> residual)
    {
        int n = x.Rows;
        int p = x.Columns;
        CheckLengths(p, columnNormsSquared.Length, w.Length);
        if (y.Length != n || residual.Length != n)
            throw new ArgumentException("y and residual must have one entry per row");

        // R = y - X w
        y.CopyTo(residual);
        for (int j = 0; j < p; j++)
        {
            if (w[j] != 0.0)
                Blas.Axpy(-w[j], x.Column(j), residual);
        }

        // The update-size test uses the raw tol; the gap test uses tol scaled by y'y.
        double updateTolerance = tol;
        double gapTolerance = tol * Blas.Dot(y, y);
        double gap = tol + 1.0;

        for (int iteration = 0; iteration < maxIter; iteration++)
        {
            double wMax = 0.0;
            double dwMax = 0.0;
            for (int j = 0; j < p; j++)
            {
                double norm = columnNormsSquared[j];
                if (norm == 0.0)
                    continue;
                var column = x.Column(j);
                double wOld = w[j];
                if (wOld != 0.0)
                    Blas.Axpy(wOld, column, residual);
                double rho = Blas.Dot(column, residual);
                double wNew = SoftThreshold(rho, l1) / norm;
                w[j] = wNew;
                if (wNew != 0.0)
                    Blas.Axpy(-wNew, column, residual);
                dwMax = Math.Max(dwMax, Math.Abs(wNew - wOld));
                wMax = Math.Max(wMax, Math.Abs(wNew));
            }

            if (wMax == 0.0 || dwMax / wMax < updateTolerance || iteration == maxIter - 1)
            {
                // Dual norm of X'R, then the gap of the dual point R * min(1, l1 / ||X'R||_inf).
                double dualNorm = 0.0;
                for (int j = 0; j < p; j++)
                    dualNorm = Math.Max(dualNorm, Math.Abs(Blas.Dot(x.Column(j), residual)));
                double rNorm2 = Blas.Dot(residual, residual);
                gap = DualityGap(rNorm2, dualNorm, l1, Blas.AbsSum(w), Blas.Dot(residual, y));
                if (gap < gapTolerance)
                    return new CoordinateDescentResult(iteration + 1, gap, gapTolerance, true);
            }
        }
        return new CoordinateDescentResult(maxIter, gap, gapTolerance, false);
    }

    /// <summary>Solves on the Gram form: <paramref name="gram"/> = X'X (p x p, row-major and symmetric),
    /// <paramref name="xty"/> = X'y, <paramref name="yNorm2"/> = y'y. <paramref name="h"/> (length p) is scratch
    /// holding X'X w during the solve.</summary>
    public static CoordinateDescentResult SolveGram(
        ReadOnlySpan<double> gram, ReadOnlySpan<double> xty, double yNorm2, Span<double> w,
        double l1, int maxIter, double tol, Span<double> h)
    {
        int p = xty.Length;
        CheckLengths(p, w.Length, h.Length);
        if (gram.Length != p * p)
            throw new ArgumentException($"gram has {gram.Length} entries, expected {p} x {p}");

        // H = Q w
        for (int i = 0; i < p; i++)
            h[i] = Blas.Dot(gram.Slice(i * p, p), w);

        double updateTolerance = tol;
        double gapTolerance = tol * yNorm2;
        double gap = tol + 1.0;

        for (int iteration = 0; iteration < maxIter; iteration++)
        {
            double wMax = 0.0;
            double dwMax = 0.0;
            for (int j = 0; j < p; j++)
            {
                double qjj = gram[j * p + j];
                if (qjj == 0.0)
                    continue;
                var row = gram.Slice(j * p, p);
                double wOld = w[j];
                if (wOld != 0.0)
                    Blas.Axpy(-wOld, row, h);
                double rho = xty[j] - h[j];
                double wNew = SoftThreshold(rho, l1) / qjj;
                w[j] = wNew;
                if (wNew != 0.0)
                    Blas.Axpy(wNew, row, h);
                double dw = Math.Abs(wNew - wOld);
                if (dw > dwMax)
                    dwMax = dw;
                if (Math.Abs(wNew) > wMax)
                    wMax = Math.Abs(wNew);
            }

            if (wMax == 0.0 || dwMax / wMax < updateTolerance || iteration == maxIter - 1)
            {
                double qDotW = Blas.Dot(w, xty);
                double dualNorm = 0.0;
                double wDotH = 0.0;
                for (int j = 0; j < p; j++)
                {
                    dualNorm = Math.Max(dualNorm, Math.Abs(xty[j] - h[j]));
                    wDotH += w[j] * h[j];
                }
                // ||y - Xw||^2 and R'y expressed through the Gram quantities.
                double rNorm2 = yNorm2 + wDotH - 2.0 * qDotW;
                gap = DualityGap(rNorm2, dualNorm, l1, Blas.AbsSum(w), yNorm2 - qDotW);
                if (gap < gapTolerance)
                    return new CoordinateDescentResult(iteration + 1, gap, gapTolerance, true);
            }
        }
        return new CoordinateDescentResult(maxIter, gap, gapTolerance, false);
    }

    /// <summary>sign(rho) * max(|rho| - l1, 0).</summary>
    private static double SoftThreshold(double rho, double l1)
    {
        double shrunk = Math.Abs(rho) - l1;
        if (shrunk <= 0.0 || rho == 0.0)
            return 0.0;
        return rho > 0.0 ? shrunk : -shrunk;
    }

    /// <summary>Primal minus dual objective with the residual scaled into the dual-feasible set.</summary>
    private static double DualityGap(double rNorm2, double dualNorm, double l1, double l1Norm, double rDotY)
    {
        double scale;
        double gap;
        if (dualNorm > l1)
        {
            scale = l1 / dualNorm;
            gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
        }
        else
        {
            scale = 1.0;
            gap = rNorm2;
        }
        return gap + l1 * l1Norm - scale * rDotY;
    }

    private static void CheckLengths(int p, int a, int b)
    {
        if (a != p || b != p)
            throw new ArgumentException($"coefficient buffers must have {p} entries");
    }
}
