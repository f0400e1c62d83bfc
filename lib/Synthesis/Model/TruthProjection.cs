using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>A linear model intercept + sum coef_k x_k over named descriptors, with its fit quality.</summary>
internal sealed record LinearTruth(double Intercept, IReadOnlyList<string> Names, double[] Coefficients, double R2, double Rmse);

/// <summary>The least-squares projection of the noise-free truth barrier process on the descriptors of the truth's
/// set: KRA on every descriptor but delta_e and the forward barrier on all of them (for Li-V-O-F descriptors 1-10
/// and 1-11), over a large sample of generated hops (same compositions and
/// hop selection as the dataset, nothing written to disk). A Lasso fitted to the dataset should approach these
/// coefficients, up to the noise and the finite dataset.</summary>
internal static class TruthProjection
{
    public sealed record Result(LinearTruth Kra, LinearTruth Forward, int Samples, IReadOnlyDictionary<HopPath, double> PathFractions);

    public static Result Compute(HopSampler sampler, TruthBarrierModel barriers, IReadOnlyList<Composition> compositions,
        int samples, long seed, int parallelism = 1)
    {
        var set = sampler.Descriptors;
        int p = set.Count;
        var x = new double[samples, p];
        var kra = new double[samples];
        var forward = new double[samples];
        var paths = new HopPath[samples];
        // Each sample has its own stream, so the result does not depend on how the loop is scheduled.
        Parallel.For(0, samples, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism) }, s =>
        {
            var rng = SeededRandom.For(seed, SeededRandom.Purpose.TruthSample, s);
            var hop = sampler.Sample(compositions[s % compositions.Count], rng, withEnergies: false);
            var d = hop.Descriptors;
            for (int k = 0; k < p; k++) x[s, k] = d[k];
            kra[s] = barriers.NoiseFreeKra(d);
            forward[s] = barriers.NoiseFreeForward(d, hop.DeltaE);
            paths[s] = barriers.Draw(d, hop.DeltaE, rng).Path;
        });
        var fractions = new Dictionary<HopPath, double>();
        foreach (var path in Enum.GetValues<HopPath>())
            fractions[path] = (double)paths.Count(q => q == path) / samples;
        return new Result(
            Fit(x, kra, set.KraCount, set.Names),
            Fit(x, forward, set.Count, set.Names),
            samples,
            fractions);
    }

    /// <summary>Ordinary least squares with intercept on the first <paramref name="columns"/> descriptors, through
    /// the centred normal equations (a constant column gets coefficient 0). Written out rather than delegated to a
    /// library so the summation order, and hence truth.yaml, is the same on every machine.</summary>
    internal static LinearTruth Fit(double[,] x, double[] y, int columns, IReadOnlyList<string>? names = null)
    {
        names ??= HopDescriptors.Names;
        int n = y.Length;
        var mean = new double[columns];
        for (int s = 0; s < n; s++)
            for (int k = 0; k < columns; k++) mean[k] += x[s, k];
        for (int k = 0; k < columns; k++) mean[k] /= n;
        double yMean = y.Sum() / n;

        var gram = new double[columns, columns];
        var rhs = new double[columns];
        for (int s = 0; s < n; s++)
            for (int k = 0; k < columns; k++)
            {
                double xk = x[s, k] - mean[k];
                rhs[k] += xk * (y[s] - yMean);
                for (int l = 0; l <= k; l++) gram[k, l] += xk * (x[s, l] - mean[l]);
            }
        for (int k = 0; k < columns; k++)
            for (int l = k + 1; l < columns; l++) gram[k, l] = gram[l, k];

        var used = Enumerable.Range(0, columns).Where(k => gram[k, k] > 1e-12 * n).ToArray();
        var solution = SolveSymmetric(gram, rhs, used, names);
        var coef = new double[columns];
        for (int i = 0; i < used.Length; i++) coef[used[i]] = solution[i];
        double intercept = yMean;
        for (int k = 0; k < columns; k++) intercept -= coef[k] * mean[k];

        double ssRes = 0, ssTot = 0;
        for (int s = 0; s < n; s++)
        {
            double pred = intercept;
            for (int k = 0; k < columns; k++) pred += coef[k] * x[s, k];
            ssRes += (y[s] - pred) * (y[s] - pred);
            ssTot += (y[s] - yMean) * (y[s] - yMean);
        }
        return new LinearTruth(intercept, names.Take(columns).ToArray(), coef, ssTot > 0 ? 1 - ssRes / ssTot : 1, Math.Sqrt(ssRes / n));
    }

    // Gaussian elimination with partial pivoting on the sub-system of the `used` rows/columns.
    private static double[] SolveSymmetric(double[,] gram, double[] rhs, int[] used, IReadOnlyList<string> names)
    {
        int m = used.Length;
        var a = new double[m, m + 1];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++) a[i, j] = gram[used[i], used[j]];
            a[i, m] = rhs[used[i]];
        }
        for (int c = 0; c < m; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < m; r++)
                if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            if (Math.Abs(a[pivot, c]) < 1e-9)
                throw new InvalidOperationException(
                    $"truth projection: descriptor '{names[used[c]]}' is collinear with the others in this sample");
            if (pivot != c)
                for (int j = c; j <= m; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]);
            for (int r = c + 1; r < m; r++)
            {
                double f = a[r, c] / a[c, c];
                for (int j = c; j <= m; j++) a[r, j] -= f * a[c, j];
            }
        }
        var w = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            double v = a[i, m];
            for (int j = i + 1; j < m; j++) v -= a[i, j] * w[j];
            w[i] = v / a[i, i];
        }
        return w;
    }
}
