using Pipeline.RockSalt;

namespace Pipeline.Featurize.Hops;

/// <summary>Continuous geometric descriptors of a hop from the relaxed initial positions (extra columns, never part of
/// the 11). Ideal values: tetrahedron volume a^3/24; dumbbell distance a*sqrt(2)/4.</summary>
/// <param name="LiDumbbellDistanceMin">Smallest distance (Angstrom) from the ideal hop midpoint (between sites I and F)
/// to the two relaxed dumbbell anions: the closest approach a Li on the straight path must pass.</param>
/// <param name="TetVolumeUp">Volume (Angstrom^3) of the up tetrahedron spanned by its 4 relaxed anions (2 dumbbell, 2 apex).</param>
/// <param name="TetVolumeDown">Same for the down tetrahedron.</param>
public sealed record RelaxedHopGeometry(double LiDumbbellDistanceMin, double TetVolumeUp, double TetVolumeDown)
{
    public static RelaxedHopGeometry Compute(IdealLattice ideal, MappedStructure initial, ReadOnlySpan<double> frac,
        in HopAnatomy hop, bool t1Up, Vec3 midpoint)
    {
        var anionAtom = new int[initial.Anions.Length];
        for (int i = 0; i < initial.AtomSite.Length; i++)
            if (initial.AtomSite[i] < 0) anionAtom[~initial.AtomSite[i]] = i;

        var d0 = Relative(ideal, frac, anionAtom[hop.Dumbbell[0]], midpoint);
        var d1 = Relative(ideal, frac, anionAtom[hop.Dumbbell[1]], midpoint);
        double volume1 = Volume(d0, d1, Relative(ideal, frac, anionAtom[hop.ApexT1[0]], midpoint),
            Relative(ideal, frac, anionAtom[hop.ApexT1[1]], midpoint));
        double volume2 = Volume(d0, d1, Relative(ideal, frac, anionAtom[hop.ApexT2[0]], midpoint),
            Relative(ideal, frac, anionAtom[hop.ApexT2[1]], midpoint));
        return new RelaxedHopGeometry(
            Math.Min(d0.Length, d1.Length),
            t1Up ? volume1 : volume2,
            t1Up ? volume2 : volume1);
    }

    /// <summary>Cartesian position (Angstrom) of an atom relative to the hop midpoint, minimum image.</summary>
    private static Vec3 Relative(IdealLattice ideal, ReadOnlySpan<double> frac, int atom, Vec3 midpoint)
        => ideal.ToCartesian(ideal.MinimumImage(ideal.LatticeCoordinates(frac, atom) - midpoint));

    private static double Volume(Vec3 a, Vec3 b, Vec3 c, Vec3 d)
        => Math.Abs((b - a).Dot((c - a).Cross(d - a))) / 6;
}
