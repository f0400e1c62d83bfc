using System.Runtime.CompilerServices;

namespace Pipeline.RockSalt;

[InlineArray(2)]
public struct Sites2 { private int _e; }

[InlineArray(4)]
public struct Sites4 { private int _e; }

[InlineArray(7)]
public struct Sites7 { private int _e; }

/// <summary>Site indices of every part of one hop (DOMAIN.md section 2), as a value type so the kMC can fill it
/// millions of times per second without allocating. Cation parts index cation sites, anion parts anion sites.</summary>
public struct HopAnatomy
{
    public int Initial;
    public int Final;
    /// <summary>NN direction of the hop (index into <see cref="HopGeometry.NeighborVectors"/>).</summary>
    public int Direction;
    /// <summary>The 2 anions of the shared octahedron edge.</summary>
    public Sites2 Dumbbell;
    /// <summary>Gate cations of the tetrahedron on the +e3 side.</summary>
    public Sites2 GatesT1;
    /// <summary>Gate cations of the tetrahedron on the -e3 side.</summary>
    public Sites2 GatesT2;
    /// <summary>Apex anions of T1: [0] in I's octahedron, [1] in F's.</summary>
    public Sites2 ApexT1;
    /// <summary>Apex anions of T2: [0] in I's octahedron, [1] in F's.</summary>
    public Sites2 ApexT2;
    /// <summary>Back anions: [0,1] of I, [2,3] of F.</summary>
    public Sites4 Back;
    /// <summary>The 7 NN of I other than F and the 4 gates.</summary>
    public Sites7 OtherNnInitial;
    /// <summary>The 7 NN of F other than I and the 4 gates.</summary>
    public Sites7 OtherNnFinal;
}
