namespace Pipeline.Vasp.Structure;

/// <summary>A periodic structure as the tables carry it: lattice rows (9 doubles, Angstrom), species per atom and
/// fractional coordinates flattened (x0, y0, z0, x1, ...).</summary>
public sealed class Crystal
{
    public Crystal(double[] lattice, string[] species, double[] frac)
    {
        if (lattice.Length != 9)
            throw new ArgumentException($"lattice has {lattice.Length} numbers, expected 9");
        if (frac.Length != 3 * species.Length)
            throw new ArgumentException($"{frac.Length} fractional coordinates for {species.Length} atoms");
        Lattice = lattice;
        Species = species;
        Frac = frac;
    }

    public double[] Lattice { get; }
    public string[] Species { get; }
    public double[] Frac { get; }
    public int AtomCount => Species.Length;

    /// <summary>Minimum-image Cartesian distance atom <paramref name="atom"/> travels from this structure to
    /// <paramref name="other"/> (measured in this structure's lattice).</summary>
    public double Displacement(Crystal other, int atom)
    {
        int i = 3 * atom;
        return LatticeMath.MinimumImage(Lattice,
            other.Frac[i] - Frac[i], other.Frac[i + 1] - Frac[i + 1], other.Frac[i + 2] - Frac[i + 2]).Length;
    }
}
