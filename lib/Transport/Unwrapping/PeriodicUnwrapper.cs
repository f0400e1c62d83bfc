using System.Runtime.CompilerServices;

namespace Pipeline.Transport.Unwrapping;

/// <summary>Unwraps wrapped positions across periodic boundaries, frame by frame, for fixed or changing cells: the
/// step of each atom is taken in fractional coordinates, brought to its minimum image (each component into
/// [-1/2, 1/2)), and converted to Cartesian with the current cell, then accumulated. So an atom that stays put in
/// fractional coordinates while the cell breathes has not diffused, and a step is never longer than half a cell
/// (frames must be close enough in time for that). Positions and cells in Angstrom, cell rows a1, a2, a3.</summary>
public sealed class PeriodicUnwrapper
{
    private readonly double[] _previous;
    private readonly double[] _unwrapped;
    private bool _started;

    public PeriodicUnwrapper(int atoms)
    {
        _previous = new double[3 * atoms];
        _unwrapped = new double[3 * atoms];
    }

    /// <summary>Unwrapped Cartesian positions after the last <see cref="Step"/> (3 per atom).</summary>
    public ReadOnlySpan<double> Positions => _unwrapped;

    /// <summary>Takes the next frame's fractional coordinates (any image) and its cell (9 doubles, rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Step(ReadOnlySpan<double> fractional, ReadOnlySpan<double> cell)
    {
        if (fractional.Length != _previous.Length)
            throw new ArgumentException($"frame has {fractional.Length / 3} atoms, expected {_previous.Length / 3}", nameof(fractional));
        double a00 = cell[0], a01 = cell[1], a02 = cell[2], a10 = cell[3], a11 = cell[4], a12 = cell[5], a20 = cell[6], a21 = cell[7], a22 = cell[8];
        if (!_started)
        {
            for (int i = 0; i < fractional.Length; i += 3)
            {
                double f0 = fractional[i], f1 = fractional[i + 1], f2 = fractional[i + 2];
                _unwrapped[i] = f0 * a00 + f1 * a10 + f2 * a20;
                _unwrapped[i + 1] = f0 * a01 + f1 * a11 + f2 * a21;
                _unwrapped[i + 2] = f0 * a02 + f1 * a12 + f2 * a22;
            }
            fractional.CopyTo(_previous);
            _started = true;
            return;
        }
        for (int i = 0; i < fractional.Length; i += 3)
        {
            double d0 = MinimumImage(fractional[i] - _previous[i]);
            double d1 = MinimumImage(fractional[i + 1] - _previous[i + 1]);
            double d2 = MinimumImage(fractional[i + 2] - _previous[i + 2]);
            _unwrapped[i] += d0 * a00 + d1 * a10 + d2 * a20;
            _unwrapped[i + 1] += d0 * a01 + d1 * a11 + d2 * a21;
            _unwrapped[i + 2] += d0 * a02 + d1 * a12 + d2 * a22;
        }
        fractional.CopyTo(_previous);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double MinimumImage(double d) => d - Math.Floor(d + 0.5);
}
