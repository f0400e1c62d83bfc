namespace Pipeline.RockSalt;

/// <summary>The ideal rock-salt lattice fitted to one relaxed supercell, and the coordinate conversions between
/// the cell's fractional coordinates, lattice coordinates and Cartesian Angstrom.
/// <para>Lattice coordinates q are in units of a/2 with ideal cation sites on even-sum integer points and anion
/// sites on odd-sum ones: q = f1 T1 + f2 T2 + f3 T3 - Origin for fractional coordinates f and supercell translations
/// T (units of a/2). Ideal sites are therefore placed in the actual (possibly strained) cell by their fractional
/// coordinates, and distances are measured with the actual cell metric.</para>
/// <para>Lattice coordinates are always along the cubic axes, whatever the orientation of the cell: the translations
/// T carry the rotation, so descriptors, hop directions and the up direction never depend on the Cartesian axes;
/// Cartesian distances (<see cref="ToCartesian"/>) use the actual cell as written.</para></summary>
public sealed class IdealLattice
{
    private readonly double[] _translations;      // rows T1, T2, T3 (units of a/2)
    private readonly double[] _inverseTranslations;
    private readonly double[] _latticeToCartesian; // T^-1 L: lattice-coordinate displacement -> Angstrom
    private readonly double[] _cartesian;          // L, rows a1, a2, a3 (Angstrom)

    internal IdealLattice(RockSaltSupercell cell, Int3 t1, Int3 t2, Int3 t3, ReadOnlySpan<double> lattice, Vec3 origin)
    {
        Cell = cell;
        _translations = Mat3.FromRows(t1, t2, t3);
        _inverseTranslations = Mat3.Inverse(_translations);
        _cartesian = lattice.ToArray();
        _latticeToCartesian = Mat3.Multiply(_inverseTranslations, _cartesian);
        Origin = origin;
    }

    public RockSaltSupercell Cell { get; }

    /// <summary>Conventional cubic edge a (Angstrom) from the cell volume and the anion count.</summary>
    public double LatticeConstant => Cell.A;

    /// <summary>Lattice coordinates (units of a/2) of the fractional point (0,0,0).</summary>
    public Vec3 Origin { get; internal set; }

    /// <summary>Lattice coordinates (units of a/2) of a point given in fractional coordinates of the cell.</summary>
    public Vec3 LatticeCoordinates(Vec3 frac) => Mat3.Apply(frac, _translations) - Origin;

    /// <summary>Lattice coordinates of atom <paramref name="atom"/> of a flattened fractional array.</summary>
    public Vec3 LatticeCoordinates(ReadOnlySpan<double> frac, int atom)
        => LatticeCoordinates(new Vec3(frac[3 * atom], frac[3 * atom + 1], frac[3 * atom + 2]));

    /// <summary>A displacement in lattice coordinates as a Cartesian displacement in Angstrom (actual cell metric).</summary>
    public Vec3 ToCartesian(Vec3 displacement) => Mat3.Apply(displacement, _latticeToCartesian);

    /// <summary>Cartesian position (Angstrom) of a point given in lattice coordinates.</summary>
    public Vec3 CartesianPosition(Vec3 q) => Mat3.Apply(Mat3.Apply(q + Origin, _inverseTranslations), _cartesian);

    /// <summary>The periodic image of a lattice-coordinate displacement with the shortest Cartesian length.</summary>
    public Vec3 MinimumImage(Vec3 displacement)
    {
        var f = Mat3.Apply(displacement, _inverseTranslations);
        f -= (Vec3)f.Round();
        Vec3 best = f;
        double bestLength = double.PositiveInfinity;
        for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
                for (int k = -1; k <= 1; k++)
                {
                    var candidate = f + new Vec3(i, j, k);
                    double length = Mat3.Apply(candidate, _cartesian).Length;
                    if (length < bestLength) { best = candidate; bestLength = length; }
                }
        return Mat3.Apply(best, _translations);
    }
}
