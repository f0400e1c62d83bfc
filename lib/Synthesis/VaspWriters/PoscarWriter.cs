using Pipeline.Synthesis.Geometry;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Writes POSCAR/CONTCAR in the VASP 5 layout VASP 5.4.4 itself uses for CONTCAR: title, scale 1, lattice
/// rows (F22.16), species line, counts, "Direct", fractional coordinates (F20.16).</summary>
internal static class PoscarWriter
{
    public static void Write(string path, string title, AtomLayout layout, CellFrame frame, ReadOnlySpan<double> cartesian)
    {
        using var w = FortranWriter.Create(path);
        w.Line(title);
        w.Line("   1.00000000000000     ");
        var l = frame.Lattice;
        for (int r = 0; r < 3; r++)
            w.Text(" ").F(l[r * 3], 22, 16).F(l[r * 3 + 1], 22, 16).F(l[r * 3 + 2], 22, 16).Line();
        w.Line(string.Concat(layout.TypeSymbols.Select(s => "   " + s.PadRight(2))).TrimEnd());
        foreach (int n in layout.Counts) w.I(n, 6);
        w.Line();
        w.Line("Direct");
        Span<double> f = stackalloc double[3];
        for (int i = 0; i < layout.Count; i++)
        {
            frame.ToFractional(cartesian.Slice(i * 3, 3), f);
            w.F(f[0], 20, 16).F(f[1], 20, 16).F(f[2], 20, 16).Line();
        }
    }
}
