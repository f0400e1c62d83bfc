using System.Globalization;
using System.Text;

namespace Pipeline.ActiveLearning.Neb;

/// <summary>POSCAR text in the VASP 5 layout: title, scale 1, lattice rows, species line, counts, Direct, fractional
/// coordinates with 16 decimals (the precision VASP writes CONTCAR with).</summary>
public static class PoscarText
{
    public static string Format(string title, double[,] lattice, IReadOnlyList<string> symbols, IReadOnlyList<int> counts,
        IReadOnlyList<(double X, double Y, double Z)> fractional)
    {
        var ci = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(title.Replace('\n', ' ')).Append('\n');
        sb.Append("   1.00000000000000\n");
        for (int r = 0; r < 3; r++)
            sb.Append(string.Format(ci, " {0,22:F16}{1,22:F16}{2,22:F16}\n", lattice[r, 0], lattice[r, 1], lattice[r, 2]));
        sb.Append(string.Concat(symbols.Select(s => "   " + s.PadRight(2))).TrimEnd()).Append('\n');
        sb.Append(string.Concat(counts.Select(c => c.ToString(ci).PadLeft(6)))).Append('\n');
        sb.Append("Direct\n");
        foreach (var (x, y, z) in fractional)
            sb.Append(string.Format(ci, "{0,20:F16}{1,20:F16}{2,20:F16}\n", x, y, z));
        return sb.ToString();
    }
}
