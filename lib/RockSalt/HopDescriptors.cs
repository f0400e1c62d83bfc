namespace Pipeline.RockSalt;

/// <summary>The 11 local descriptors of a hop (DOMAIN.md section 4) and the canonical up/down orientation of its
/// two tetrahedra, for Li(2-x)VO2F (<see cref="Species"/> codes). <see cref="DescriptorSet"/> computes them for any
/// chemistry, and their element-resolved form.</summary>
public static class HopDescriptors
{
    public const int Count = 11;

    /// <summary>Descriptors 1-10 feed the KRA model; 1-11 the forward-barrier model.</summary>
    public const int KraCount = 10;

    public static IReadOnlyList<string> Names { get; } =
    [
        "gate_tm_up", "gate_tm_down", "gate_li_up", "gate_li_down", "dumbbell_f",
        "apex_f_up", "apex_f_down", "back_f", "nn_tm_initial", "nn_tm_final", "delta_e",
    ];

    /// <summary>Computes descriptors 1-10 into <paramref name="output"/>[0..10) and sets <paramref name="output"/>[10]
    /// = <paramref name="deltaE"/> when the span has room for it. Returns true when T1 (the +e3 tetrahedron) is "up".
    /// The configuration is the initial one (Li on I, vacancy on F); the sites I and F themselves are not read.</summary>
    public static bool Compute(in HopAnatomy hop, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions,
        double deltaE, Span<double> output)
        => DescriptorSet.LiVOF.Compute(hop, cations, anions, deltaE, output);

    /// <summary>Canonical order (DOMAIN.md section 2): sort the two tetrahedra by (TM on gates, F among apex anions,
    /// minus Li on gates, smallest cation site index among its gates) ascending; the first is "up".</summary>
    public static bool T1IsUp(in HopAnatomy hop, int tm1, int tm2, int apexF1, int apexF2, int li1, int li2)
    {
        if (tm1 != tm2) return tm1 < tm2;
        if (apexF1 != apexF2) return apexF1 < apexF2;
        if (li1 != li2) return li1 > li2;
        int min1 = Math.Min(hop.GatesT1[0], hop.GatesT1[1]);
        int min2 = Math.Min(hop.GatesT2[0], hop.GatesT2[1]);
        return min1 <= min2;
    }

    /// <summary>Unit vector (units of a/2, a signed axis) from the hop midpoint towards the centre of the up
    /// tetrahedron; the centre lies a/4 away along it (DOMAIN.md section 3).</summary>
    public static Int3 UpDirection(int hopDirection, bool t1Up)
    {
        var e3 = HopGeometry.For(hopDirection).ThirdAxis;
        return t1Up ? e3 : -e3;
    }

    /// <summary>Path label from the normalized coordinate h = (p - m).u / (a/4): up, down or straight.</summary>
    public static string PathLabel(double h) => h > 0.5 ? "up" : h < -0.5 ? "down" : "straight";
}
