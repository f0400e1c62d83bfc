namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Writes a Gamma-centred automatic KPOINTS file.</summary>
internal static class KpointsWriter
{
    /// <summary>The comment line, which VASP echoes in the OUTCAR ("KPOINTS: Automatic mesh").</summary>
    public const string Title = "Automatic mesh";

    /// <summary>Subdivisions with about 20 A of k-point density per lattice vector (2 2 2 for the 3x4x4 cell).</summary>
    public static int[] Mesh(ReadOnlySpan<double> lengths)
    {
        var m = new int[3];
        for (int i = 0; i < 3; i++) m[i] = Math.Max(1, (int)Math.Round(20.0 / lengths[i], MidpointRounding.AwayFromZero));
        return m;
    }

    public static void Write(string path, int[] mesh)
    {
        using var w = FortranWriter.Create(path);
        w.Line(Title);
        w.Line("0");
        w.Line("Gamma");
        w.I(mesh[0], 3).I(mesh[1], 3).I(mesh[2], 3).Line();
        w.Line("  0  0  0");
    }
}
