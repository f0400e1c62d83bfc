using Pipeline.RockSalt;

namespace Pipeline.Featurize.Hops;

/// <summary>Turns one hop into its features: maps both endpoints onto one ideal rock-salt lattice, finds the hop
/// I -> F from the moving atom (which must be the chemistry's mobile ion), builds its anatomy and computes the
/// descriptors of one <see cref="DescriptorSet"/>, the path label and extras.</summary>
public static class HopFeaturizer
{
    /// <summary>a/4 in units of a/2: the distance from the hop midpoint to a tetrahedron centre.</summary>
    private const double QuarterA = 0.5;

    /// <summary>The Li(2-x)VO2F standard descriptors, x per Li2VO2F.</summary>
    public static HopFeatures Compute(HopRecord hop, double tolerance)
        => Compute(hop, tolerance, DescriptorSet.LiVOF, FormulaUnit.LiVOF);

    public static HopFeatures Compute(HopRecord hop, double tolerance, DescriptorSet set, FormulaUnit formulaUnit)
    {
        string id = hop.CalcId;
        var chemistry = set.Chemistry;
        string initialSource = $"{id} (frac_initial)", finalSource = $"{id} (frac_final)";
        var ideal = StructureMapper.FitLattice(hop.Lattice, hop.Species, hop.FracInitial, initialSource);
        var initial = StructureMapper.MapOnto(ideal, hop.Species, hop.FracInitial, initialSource, tolerance, chemistry);
        var cell = ideal.Cell;

        int m = hop.MovingIndex;
        if (hop.Species[m] != chemistry.MobileIon)
            throw Error(id, $"the moving atom {m} is {hop.Species[m]}, not the mobile ion {chemistry.MobileIon}; " +
                "the descriptors are defined for hops of the mobile ion");

        // The hop vector comes from the moving atom's own displacement, so small cells (where two NN directions can
        // lead to the same site) still give the right direction.
        var qInitial = ideal.LatticeCoordinates(hop.FracInitial, m);
        var qFinal = ideal.LatticeCoordinates(hop.FracFinal, m);
        var step = ideal.MinimumImage(qFinal - qInitial).Round();
        int direction = FindDirection(step);
        if (direction < 0)
            throw Error(id, $"the moving atom {m} moves by {step} (units of a/2) between frac_initial and frac_final: " +
                "not a nearest-neighbour cation hop");
        int siteI = initial.AtomSite[m];
        int siteF = cell.CationNeighbor(siteI, direction);
        if (initial.Cations[siteF] != Chemistry.Vacancy)
        {
            int blocker = Array.IndexOf(initial.AtomSite, siteF);
            throw Error(id, $"the final site {cell.CationPosition(siteF)} of the hop is occupied in frac_initial by atom " +
                $"{blocker} ({hop.Species[blocker]})");
        }

        var final = StructureMapper.MapOnto(ideal, hop.Species, hop.FracFinal, finalSource, tolerance, chemistry);
        CheckOnlyMovingAtomMoves(id, hop.Species, initial, final, m);
        if (final.AtomSite[m] != siteF)
            throw Error(id, $"the moving atom {m} ends on {cell.CationPosition(final.AtomSite[m])}, not on the neighbour " +
                $"{cell.CationPosition(siteF)} of its initial site along {step}");

        var anatomy = new HopAnatomy();
        cell.Anatomy(siteI, direction, ref anatomy);
        var descriptors = new double[set.Count];
        bool t1Up = set.Compute(anatomy, initial.Cations, initial.Anions, hop.EReaction, descriptors);

        // Path coordinate h = (p - m).u / (a/4), with the saddle point's minimum image relative to the midpoint. All in
        // lattice coordinates, which follow the cubic axes whatever the cell's orientation (the translations carry the
        // rotation), so no Cartesian direction enters h or up/down.
        var midpoint = (Vec3)qInitial.Round() + 0.5 * (Vec3)step;
        var saddle = ideal.LatticeCoordinates(new Vec3(hop.MovingFracSaddle[0], hop.MovingFracSaddle[1], hop.MovingFracSaddle[2]));
        var up = (Vec3)HopDescriptors.UpDirection(direction, t1Up);
        double h = ideal.MinimumImage(saddle - midpoint).Dot(up) / QuarterA;

        int mobile = initial.Cations.Count(c => c == Chemistry.Mobile);
        int vacancies = initial.Cations.Count(c => c == Chemistry.Vacancy);
        double x = formulaUnit.X(mobile, vacancies, cell.AnionCount);
        var geometry = RelaxedHopGeometry.Compute(ideal, initial, hop.FracInitial, anatomy, t1Up, midpoint);
        return new HopFeatures(id, descriptors, HopDescriptors.PathLabel(h), h, x, ideal.LatticeConstant, geometry,
            Math.Max(initial.MaxDeviation, final.MaxDeviation));
    }

    private static void CheckOnlyMovingAtomMoves(string id, string[] species, MappedStructure initial, MappedStructure final, int moving)
    {
        for (int i = 0; i < initial.AtomSite.Length; i++)
        {
            if (i != moving && initial.AtomSite[i] != final.AtomSite[i])
                throw Error(id, $"atom {i} ({species[i]}) sits on different sites in frac_initial and frac_final; " +
                    $"only the moving atom {moving} may change site");
        }
    }

    private static int FindDirection(Int3 step)
    {
        var nn = HopGeometry.NeighborVectors;
        for (int d = 0; d < nn.Length; d++)
            if (nn[d] == step) return d;
        return -1;
    }

    private static InvalidDataException Error(string calcId, string detail) => new($"hop '{calcId}': {detail}");
}
