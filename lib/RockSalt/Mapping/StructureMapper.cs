using System.Globalization;

namespace Pipeline.RockSalt;

/// <summary>Maps a relaxed structure onto ideal rock-salt sites (DOMAIN.md section 4, "Lattice mapping").
/// <para>The ideal lattice is found from the cell (<see cref="FitLattice"/>): lattice constant from the volume and the
/// anion count, translations rounded to fcc vectors (in the cubic frame found from the anion neighbour vectors when
/// the cell is not along the cubic axes), origin chosen so the first atom sits on a site of its sublattice and then
/// refined by least squares (the mean residual over all atoms). Every atom is assigned to its nearest ideal site
/// (<see cref="MapOnto"/>). Errors name the source, the atom index and its species.</para></summary>
public static class StructureMapper
{
    private const int OriginRefinements = 3;

    /// <summary>Fits the ideal lattice and assigns every atom to a site (the contract API).</summary>
    /// <param name="lattice">9 doubles: rows a1, a2, a3 in Angstrom.</param>
    /// <param name="species">Element symbol per atom (Li, V, O, F; X/Va/Vac marks an explicit cation vacancy).</param>
    /// <param name="frac">Fractional coordinates flattened (x0, y0, z0, x1, ...).</param>
    /// <param name="source">Names the file or calculation in error messages.</param>
    /// <param name="tolerance">Largest accepted distance (Angstrom) of an atom from its ideal site.</param>
    /// <param name="chemistry">Gives the species codes; Li(2-x)VO2F when null.</param>
    public static MappedStructure Map(ReadOnlySpan<double> lattice, IReadOnlyList<string> species,
        ReadOnlySpan<double> frac, string source, double tolerance = 0.4, Chemistry? chemistry = null)
    {
        var ideal = FitLattice(lattice, species, frac, source);
        return MapOnto(ideal, species, frac, source, tolerance, chemistry);
    }

    /// <summary>Finds the ideal rock-salt lattice of a structure, so that further structures in the same cell (the
    /// other end of a hop) can be mapped onto exactly the same sites with <see cref="MapOnto"/>. Only the split into
    /// anions (<see cref="Chemistry.AnionElements"/>) and cations matters here, so no chemistry is needed.</summary>
    public static IdealLattice FitLattice(ReadOnlySpan<double> lattice, IReadOnlyList<string> species,
        ReadOnlySpan<double> frac, string source)
    {
        var (_, isAnion) = Parse(lattice, species, frac, source, null);
        var (t1, t2, t3, a) = CellMatcher.Match(lattice, isAnion, frac, source);
        var ideal = new IdealLattice(new RockSaltSupercell(t1, t2, t3, a), t1, t2, t3, lattice, default);

        // Put the first atom on the nearest site of its own sublattice, so cations end up on even-sum points.
        var q0 = ideal.LatticeCoordinates(frac, 0);
        ideal.Origin = q0 - (Vec3)NearestSiteOfParity(q0, wantCation: !isAnion[0]);

        // Least-squares origin: shift by the mean residual of all atoms from their nearest integer points.
        for (int iteration = 0; iteration < OriginRefinements; iteration++)
        {
            var sum = new Vec3(0, 0, 0);
            for (int i = 0; i < isAnion.Length; i++)
            {
                var q = ideal.LatticeCoordinates(frac, i);
                sum += q - (Vec3)q.Round();
            }
            ideal.Origin += (1.0 / isAnion.Length) * sum;
        }

        // The first atom alone may carry a wrong label; let the majority decide which sublattice is which.
        int matching = 0;
        for (int i = 0; i < isAnion.Length; i++)
            matching += ideal.LatticeCoordinates(frac, i).Round().IsCationSite != isAnion[i] ? 1 : 0;
        if (2 * matching < isAnion.Length) ideal.Origin += new Vec3(1, 0, 0);
        return ideal;
    }

    /// <summary>Assigns every atom of a structure in the cell of <paramref name="ideal"/> to its nearest ideal site.</summary>
    public static MappedStructure MapOnto(IdealLattice ideal, IReadOnlyList<string> species, ReadOnlySpan<double> frac,
        string source, double tolerance = 0.4, Chemistry? chemistry = null)
    {
        var (codes, isAnionOf) = Parse(default, species, frac, source, chemistry ?? Chemistry.LiVOF);
        var cell = ideal.Cell;
        var cations = new byte[cell.CationCount];
        var anions = new byte[cell.AnionCount];
        var cationOwner = new int[cell.CationCount];
        var anionOwner = new int[cell.AnionCount];
        Array.Fill(cationOwner, -1);
        Array.Fill(anionOwner, -1);
        var atomSite = new int[codes.Length];
        double maxDeviation = 0;

        for (int i = 0; i < codes.Length; i++)
        {
            var q = ideal.LatticeCoordinates(frac, i);
            var site = q.Round();
            double deviation = ideal.ToCartesian(q - (Vec3)site).Length;
            if (!(deviation <= tolerance))
                throw new StructureMappingException(source, i, species[i],
                    $"is {F(deviation)} A from the nearest ideal site {site} (tolerance {F(tolerance)} A)");
            bool isCation = !isAnionOf[i];
            if (isCation != site.IsCationSite)
                throw new StructureMappingException(source, i, species[i],
                    $"sits on {(site.IsCationSite ? "cation" : "anion")} site {site}, but {species[i]} belongs on the " +
                    $"{(isCation ? "cation" : "anion")} sublattice");
            maxDeviation = Math.Max(maxDeviation, deviation);

            int index = isCation ? cell.CationIndex(site) : cell.AnionIndex(site);
            var owner = isCation ? cationOwner : anionOwner;
            if (owner[index] >= 0)
                throw new StructureMappingException(source, i, species[i],
                    $"and atom {owner[index]} ({species[owner[index]]}) both sit on {(isCation ? "cation" : "anion")} site {site}");
            owner[index] = i;
            if (isCation) cations[index] = codes[i];
            else anions[index] = codes[i];
            atomSite[i] = isCation ? index : ~index;
        }

        int emptyAnion = Array.IndexOf(anionOwner, -1);
        if (emptyAnion >= 0)
            throw new StructureMappingException(source,
                $"anion site {cell.AnionPosition(emptyAnion)} has no atom (anion sites are never vacant)");
        return new MappedStructure(cell, cations, anions, atomSite, maxDeviation);
    }

    /// <summary>Checks the inputs and returns each atom's species code (when a chemistry is given) and whether it is an anion.</summary>
    private static (byte[] Codes, bool[] IsAnion) Parse(ReadOnlySpan<double> lattice, IReadOnlyList<string> species,
        ReadOnlySpan<double> frac, string source, Chemistry? chemistry)
    {
        if (!lattice.IsEmpty && lattice.Length != 9)
            throw new StructureMappingException(source, $"lattice has {lattice.Length} values, expected 9 (rows a1, a2, a3)");
        foreach (var v in lattice)
            if (!double.IsFinite(v)) throw new StructureMappingException(source, "lattice has a non-finite value");
        if (species.Count == 0)
            throw new StructureMappingException(source, "the structure has no atoms");
        if (frac.Length != 3 * species.Count)
            throw new StructureMappingException(source,
                $"{frac.Length} fractional coordinates for {species.Count} atoms (expected {3 * species.Count})");
        var codes = new byte[species.Count];
        var isAnion = new bool[species.Count];
        for (int i = 0; i < codes.Length; i++)
        {
            if (chemistry is null)
                isAnion[i] = Chemistry.AnionElements.Contains(species[i]);
            else if (chemistry.TryCode(species[i], out codes[i]))
                isAnion[i] = chemistry.IsAnion(codes[i]);
            else
                throw new StructureMappingException(source, i, species[i],
                    $"is not a species of the chemistry {chemistry} ({chemistry.Describe()})");
            for (int k = 0; k < 3; k++)
                if (!double.IsFinite(frac[3 * i + k]))
                    throw new StructureMappingException(source, i, species[i], "has a non-finite fractional coordinate");
        }
        return (codes, isAnion);
    }

    /// <summary>The nearest integer point to q whose coordinate sum is even (cation) or odd (anion).</summary>
    private static Int3 NearestSiteOfParity(Vec3 q, bool wantCation)
    {
        var p = q.Round();
        if (p.IsCationSite == wantCation) return p;
        // Flip the component that was rounded the most: the cheapest change of parity.
        double dx = q.X - p.X, dy = q.Y - p.Y, dz = q.Z - p.Z;
        if (Math.Abs(dx) >= Math.Abs(dy) && Math.Abs(dx) >= Math.Abs(dz)) return p + new Int3(dx >= 0 ? 1 : -1, 0, 0);
        if (Math.Abs(dy) >= Math.Abs(dz)) return p + new Int3(0, dy >= 0 ? 1 : -1, 0);
        return p + new Int3(0, 0, dz >= 0 ? 1 : -1);
    }

    private static string F(double v) => v.ToString("F3", CultureInfo.InvariantCulture);
}
