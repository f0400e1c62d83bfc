using System.Globalization;
using System.Text;
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

    /// <summary>"Li45V16O32F16 x=0.1875 neb/hop_0001": atoms per species in code order, the cell's x, the calc id.</summary>
    public static string SystemName(Composition c, string calcId)
    {
        var formula = new StringBuilder();
        for (byte s = Chemistry.Mobile; s < c.Chemistry.CodeCount; s++)
            formula.Append(c.Chemistry.Symbol(s)).Append(c.Count(s).ToString(CultureInfo.InvariantCulture));
        return $"{formula} x={c.X.ToString("0.####", CultureInfo.InvariantCulture)} {calcId}";
    }

    /// <summary>MAGMOM per POSCAR type: the element's high-spin moment (V 2, Mn 5; 0 for Li, Ti, Nb, O, F).</summary>
    public static IReadOnlyList<(int, double)> Magmom(AtomLayout layout)
        => layout.TypeSymbols.Select((s, t) => (layout.Counts[t], ElementSettings.InitialMoment(s))).ToArray();

    /// <summary>Unpaired d electrons: per other cation its count at x = 0 (2 per V3+), one fewer per missing Li.</summary>
    public static double Magnetization(SynthesisChemistry chemistry, Composition c)
    {
        double unpaired = 0;
        for (byte s = Chemistry.FirstOtherCation; s < c.Chemistry.FirstAnion; s++)
            unpaired += chemistry.UnpairedD[c.Chemistry.Symbol(s)] * c.Count(s);
        return Math.Max(0, unpaired - c.Vacancies);
    }

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
