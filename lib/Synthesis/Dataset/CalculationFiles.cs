using System.Globalization;
using Pipeline.RockSalt;
using Pipeline.Synthesis.Geometry;
using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Stage;

/// <summary>Pieces shared by the NEB and single-point writers.</summary>
internal static class CalculationFiles
{
    private static readonly DateTime s_campaignStart = new(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>A run date derived from the calculation's position in the campaign, never from the clock.</summary>
    public static string StartDate(int calcIndex, int offsetMinutes)
        => s_campaignStart.AddMinutes(calcIndex * 97 + offsetMinutes)
            .ToString("yyyy.MM.dd  HH:mm:ss", CultureInfo.InvariantCulture);

    public static string SystemName(Composition c, string calcId)
        => $"Li{c.Li}V{c.V}O{c.O}F{c.F} x={c.X.ToString("0.####", CultureInfo.InvariantCulture)} {calcId}";

    /// <summary>MAGMOM per POSCAR type: Li 0, V 2, O 0, F 0.</summary>
    public static IReadOnlyList<(int, double)> Magmom(AtomLayout layout)
        => layout.TypeSymbols.Select((s, t) => (layout.Counts[t], s == "V" ? 2.0 : 0.0)).ToArray();

    /// <summary>Unpaired d electrons: 2 per V3+, one fewer per missing Li.</summary>
    public static double Magnetization(Composition c) => 2.0 * c.V - c.Vacancies;

    /// <summary>Ideal Cartesian positions (Angstrom) of a layout, optionally with one atom placed on another site.</summary>
    public static double[] IdealPositions(AtomLayout layout, double a, int movedAtom = -1, Int3 movedTo = default)
    {
        var r = new double[layout.Count * 3];
        for (int i = 0; i < layout.Count; i++)
        {
            var s = i == movedAtom ? movedTo : layout.Sites[i];
            r[i * 3] = s.X * a / 2;
            r[i * 3 + 1] = s.Y * a / 2;
            r[i * 3 + 2] = s.Z * a / 2;
        }
        return r;
    }

    public static double[] Add(double[] a, double[] b)
    {
        var r = new double[a.Length];
        for (int k = 0; k < r.Length; k++) r[k] = a[k] + b[k];
        return r;
    }
}
