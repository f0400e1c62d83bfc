using System.Collections.Concurrent;
using System.Globalization;
using Pipeline.Synthesis.Geometry;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The plane-wave basis VASP sets up at each k-point: every reciprocal lattice vector G with
/// hbar^2 |k + G|^2 / 2m below ENCUT (complex build, full sphere), counted exactly as VASP does (checked against a
/// real VASP 5.4.4 OUTCAR, counts and IXMAX..IZMIN equal), and the largest Miller index in each direction.</summary>
internal sealed class PlaneWaveBasis
{
    // VASP 5.4.4 constant.inc: HSQDTM = RYTOEV * AUTOA^2 = hbar^2 / 2m_e in eV A^2.
    private const double RyToEv = 13.605826, BohrInAngstrom = 0.529177249;
    private const double HbarSquaredOver2M = RyToEv * BohrInAngstrom * BohrInAngstrom;

    // A study has a handful of distinct cells (one per composition), each OUTCAR asks again: count once per cell.
    private static readonly ConcurrentDictionary<string, PlaneWaveBasis> s_cache = new();

    private PlaneWaveBasis(int[] counts, int[] maxIndex, int[] minIndex)
    {
        Counts = counts;
        MaxIndex = maxIndex;
        MinIndex = minIndex;
    }

    /// <summary>Number of plane waves at each k-point, in the order of the k-point list.</summary>
    public int[] Counts { get; }

    /// <summary>IXMAX, IYMAX, IZMAX over all k-points.</summary>
    public int[] MaxIndex { get; }

    /// <summary>IXMIN, IYMIN, IZMIN over all k-points.</summary>
    public int[] MinIndex { get; }

    public static PlaneWaveBasis For(CellFrame frame, double encut, IrreducibleKpoints kpoints)
    {
        string key = string.Join(' ', frame.Lattice.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))
            + "|" + encut.ToString("R", CultureInfo.InvariantCulture)
            + "|" + string.Join(' ', kpoints.Fractional.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return s_cache.GetOrAdd(key, _ => Count(frame.Lattice, encut, kpoints.Fractional));
    }

    /// <summary>Counts the basis of a cell (rows a1, a2, a3 in A) at k-points given in reciprocal coordinates.</summary>
    internal static PlaneWaveBasis Count(double[] lattice, double encut, double[] kpoints)
    {
        // |k + G| in units of 1/A without the 2 pi that the reciprocal rows b_i (b_i . a_j = delta_ij) leave out.
        double gmax = Math.Sqrt(encut / HbarSquaredOver2M) / (2 * Math.PI), gmax2 = gmax * gmax;
        var b = ReciprocalRows(lattice);
        Span<int> bound = stackalloc int[3];
        for (int d = 0; d < 3; d++)
        {
            // (n + k)_d = (k + G) . a_d, so |n_d| < gmax |a_d| + 1/2 inside the sphere.
            double length = Math.Sqrt(lattice[d * 3] * lattice[d * 3] + lattice[d * 3 + 1] * lattice[d * 3 + 1] + lattice[d * 3 + 2] * lattice[d * 3 + 2]);
            bound[d] = (int)(gmax * length) + 2;
        }
        int count = kpoints.Length / 3;
        var counts = new int[count];
        int[] max = [int.MinValue, int.MinValue, int.MinValue], min = [int.MaxValue, int.MaxValue, int.MaxValue];
        for (int k = 0; k < count; k++)
        {
            double k1 = kpoints[k * 3], k2 = kpoints[k * 3 + 1], k3 = kpoints[k * 3 + 2];
            int n = 0;
            for (int i = -bound[0]; i <= bound[0]; i++)
                for (int j = -bound[1]; j <= bound[1]; j++)
                    for (int l = -bound[2]; l <= bound[2]; l++)
                    {
                        double f1 = i + k1, f2 = j + k2, f3 = l + k3;
                        double x = f1 * b[0] + f2 * b[3] + f3 * b[6];
                        double y = f1 * b[1] + f2 * b[4] + f3 * b[7];
                        double z = f1 * b[2] + f2 * b[5] + f3 * b[8];
                        if (x * x + y * y + z * z >= gmax2) continue;
                        n++;
                        Extend(max, min, 0, i);
                        Extend(max, min, 1, j);
                        Extend(max, min, 2, l);
                    }
            counts[k] = n;
        }
        return new PlaneWaveBasis(counts, max, min);
    }

    // Rows b1, b2, b3 of the inverse transpose of the lattice matrix.
    private static double[] ReciprocalRows(double[] a)
    {
        double det = a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
        return
        [
            (a[4] * a[8] - a[5] * a[7]) / det, (a[5] * a[6] - a[3] * a[8]) / det, (a[3] * a[7] - a[4] * a[6]) / det,
            (a[2] * a[7] - a[1] * a[8]) / det, (a[0] * a[8] - a[2] * a[6]) / det, (a[1] * a[6] - a[0] * a[7]) / det,
            (a[1] * a[5] - a[2] * a[4]) / det, (a[2] * a[3] - a[0] * a[5]) / det, (a[0] * a[4] - a[1] * a[3]) / det,
        ];
    }

    private static void Extend(int[] max, int[] min, int d, int v)
    {
        if (v > max[d]) max[d] = v;
        if (v < min[d]) min[d] = v;
    }
}
