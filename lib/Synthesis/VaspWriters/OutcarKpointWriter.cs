using Pipeline.Synthesis.Geometry;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The k-point blocks of an OUTCAR header in VASP 5.4.4 line formats: the KPOINTS echo with the space group
/// operators and IBZKPT's irreducible k-points (before "Dimension of arrays"), the two k-point lists after the first
/// lattice block (ASE's OUTCAR reader needs "k-points in reciprocal lattice and weights"), and the plane waves per
/// k-point (pymatgen's Outcar needs this table).</summary>
internal static class OutcarKpointWriter
{
    private const string CoordinatesHeader = "            Coordinates               Weight";

    /// <summary>KPOINTS echo and IBZKPT result; the cells have no symmetry, so the operators are the identity alone.</summary>
    public static void WriteMeshReduction(FortranWriter w, IrreducibleKpoints k, CellFrame frame)
    {
        w.Line($" KPOINTS: {KpointsWriter.Title,-40}");
        w.Line();
        w.Line("Automatic generation of k-mesh.");
        w.Line("Space group operators:");
        w.Line(" irot       det(A)        alpha          n_x          n_y          n_z        tau_x        tau_y        tau_z");
        w.I(1, 5).F(1, 13, 6).F(0, 13, 6).F(1, 13, 6).F(0, 13, 6).F(0, 13, 6).F(0, 13, 6).F(0, 13, 6).F(0, 13, 6).Line();
        w.Line(" ");
        w.Line(" Subroutine IBZKPT returns following result:");
        w.Line(" ===========================================");
        w.Line(" ");
        w.Text(" Found ").I(k.Count, 6).Line(" irreducible k-points:");
        w.Line(" ");
        w.Line(" Following reciprocal coordinates:");
        w.Line(CoordinatesHeader);
        for (int i = 0; i < k.Count; i++)
            w.F(k.Fractional[i * 3], 10, 6).F(k.Fractional[i * 3 + 1], 10, 6).F(k.Fractional[i * 3 + 2], 10, 6)
                .F(k.Weights[i], 14, 6).Line();
        w.Line(" ");
        w.Line(" Following cartesian coordinates:");
        w.Line(CoordinatesHeader);
        Span<double> c = stackalloc double[3];
        for (int i = 0; i < k.Count; i++)
        {
            Cartesian(k, i, frame, c);
            w.F(c[0], 10, 6).F(c[1], 10, 6).F(c[2], 10, 6).F(k.Weights[i], 14, 6).Line();
        }
        w.Line(" ");
    }

    /// <summary>The k-points in Cartesian (units of 2 pi / SCALE) and reciprocal coordinates with normalised
    /// weights, each list followed by a blank line.</summary>
    public static void WriteLists(FortranWriter w, IrreducibleKpoints k, CellFrame frame)
    {
        double total = k.MeshPoints;
        Span<double> c = stackalloc double[3];
        w.Line($" k-points in units of 2pi/SCALE and weight: {KpointsWriter.Title,-40}");
        for (int i = 0; i < k.Count; i++)
        {
            Cartesian(k, i, frame, c);
            w.Text(" ").F(c[0], 12, 8).F(c[1], 12, 8).F(c[2], 12, 8).F(k.Weights[i] / total, 12, 3).Line();
        }
        w.Line();
        w.Line($" k-points in reciprocal lattice and weights: {KpointsWriter.Title,-40}");
        for (int i = 0; i < k.Count; i++)
            w.Text(" ").F(k.Fractional[i * 3], 12, 8).F(k.Fractional[i * 3 + 1], 12, 8).F(k.Fractional[i * 3 + 2], 12, 8)
                .F(k.Weights[i] / total, 12, 3).Line();
        w.Line();
    }

    /// <summary>Plane waves per k-point, their spread over the cores of one band, and the largest Miller indices.</summary>
    public static void WritePlaneWaves(FortranWriter w, IrreducibleKpoints k, PlaneWaveBasis basis, int coresPerBand)
    {
        for (int i = 0; i < k.Count; i++)
            w.Text(" k-point ").I(i + 1, 2).Text(" :  ").F(k.Fractional[i * 3], 7, 4).F(k.Fractional[i * 3 + 1], 7, 4)
                .F(k.Fractional[i * 3 + 2], 7, 4).Text("  plane waves:").I(basis.Counts[i], 8).Line();
        w.Line();
        int max = basis.Counts.Max(), min = basis.Counts.Min();
        w.Text(" maximum and minimum number of plane-waves per node :").I((max + coresPerBand - 1) / coresPerBand, 10)
            .I(min / coresPerBand, 9).Line();
        w.Line();
        w.Text(" maximum number of plane-waves:").I(max, 10).Line();
        w.Line(" maximum index in each direction: ");
        w.Text("   IXMAX=").I(basis.MaxIndex[0], 5).Text("   IYMAX=").I(basis.MaxIndex[1], 5).Text("   IZMAX=").I(basis.MaxIndex[2], 5).Line();
        w.Text("   IXMIN=").I(basis.MinIndex[0], 5).Text("   IYMIN=").I(basis.MinIndex[1], 5).Text("   IZMIN=").I(basis.MinIndex[2], 5).Line();
        w.Line();
    }

    // k = sum_i f_i b_i with b_i the reciprocal rows (no 2 pi), as OUTCAR's "2pi/SCALE" units.
    private static void Cartesian(IrreducibleKpoints k, int i, CellFrame frame, Span<double> c)
    {
        for (int d = 0; d < 3; d++)
            c[d] = k.Fractional[i * 3] * frame.Reciprocal(0, d) + k.Fractional[i * 3 + 1] * frame.Reciprocal(1, d)
                + k.Fractional[i * 3 + 2] * frame.Reciprocal(2, d);
    }
}
