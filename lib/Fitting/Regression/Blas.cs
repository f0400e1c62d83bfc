using System.Numerics;
using System.Runtime.InteropServices;

namespace Pipeline.Fitting.Regression;

/// <summary>The few level-1 kernels coordinate descent needs (dot, axpy, absolute sum), vectorised and
/// allocation-free. Summation order differs from a reference BLAS only by rounding.
/// Hand-written rather than MathNet.Numerics on purpose: these run in the coordinate-descent inner loop on spans of
/// one column of a column-major matrix, where MathNet's Vector API would need a vector per column slice (an
/// allocation or copy per call); the loop is measured by tests/Pipeline.Benchmarks/LassoBenchmarks.cs (0 B
/// allocated). Dense solves outside hot loops (Ridge, the Arrhenius fit) use MathNet.</summary>
internal static class Blas
{
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("span lengths differ");
        int n = x.Length;
        int i = 0;
        double sum = 0.0;
        if (Vector.IsHardwareAccelerated && n >= 2 * Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            int k = 0;
            for (; k + 1 < xv.Length; k += 2)
            {
                acc0 += xv[k] * yv[k];
                acc1 += xv[k + 1] * yv[k + 1];
            }
            if (k < xv.Length)
                acc0 += xv[k] * yv[k];
            sum = Vector.Sum(acc0 + acc1);
            i = xv.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
            sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y += a * x.</summary>
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != y.Length)
            throw new ArgumentException("span lengths differ");
        int n = x.Length;
        int i = 0;
        if (Vector.IsHardwareAccelerated && n >= Vector<double>.Count)
        {
            var xv = MemoryMarshal.Cast<double, Vector<double>>(x);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(y);
            var av = new Vector<double>(a);
            for (int k = 0; k < xv.Length; k++)
                yv[k] += av * xv[k];
            i = xv.Length * Vector<double>.Count;
        }
        for (; i < n; i++)
            y[i] += a * x[i];
    }

    public static double AbsSum(ReadOnlySpan<double> x)
    {
        double sum = 0.0;
        foreach (var v in x)
            sum += Math.Abs(v);
        return sum;
    }

    public static double AbsMax(ReadOnlySpan<double> x)
    {
        double m = 0.0;
        foreach (var v in x)
        {
            double a = Math.Abs(v);
            if (a > m)
                m = a;
        }
        return m;
    }
}
