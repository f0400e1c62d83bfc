using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>All clusters equivalent to a representative under the rock-salt space group Fm-3m.
/// <para>Multiplicity convention: <see cref="Multiplicity"/> counts the orbit's clusters per primitive cell (one
/// cation and one anion site), as icet does. The number of clusters containing a given site of sublattice s is
/// <see cref="ClustersPerSite"/> = multiplicity x (sites of s in the cluster): for the fcc cation pair shells
/// that is the coordination 12, 6, 24, 12 while the multiplicity is 6, 3, 12, 6.</para></summary>
public sealed class Orbit
{
    internal Orbit(Int3[] representative, Int3[][] images, int[][] permutations, DecorationClass[] decorations,
        SpeciesCounts species)
    {
        SpeciesCounts = species;
        Representative = representative;
        Images = images;
        Permutations = permutations;
        Decorations = decorations;
        SiteSublattices = representative.Select(Sublattices.Of).ToArray();
        DiameterSquared = ClusterGeometry.DiameterSquared(representative);
    }

    /// <summary>Sites of the representative cluster (units of a/2), sorted, smallest on its reference site.</summary>
    public IReadOnlyList<Int3> Representative { get; }

    public int Order => Representative.Count;

    /// <summary>Species per sublattice of the chemistry the orbit's decorations were built for.</summary>
    public SpeciesCounts SpeciesCounts { get; }

    /// <summary>Radix of the orbit's site-variable codes (code = sum sigma_i Radix^i).</summary>
    public int Radix => SpeciesCounts.Radix;

    /// <summary>Radix^Order: the size of the orbit's per-code tables.</summary>
    public int CodeCount => SpeciesCounts.CodeCount(Order);

    public IReadOnlyList<Sublattice> SiteSublattices { get; }

    /// <summary>One cluster per translation class (per primitive cell), each with its sites ordered as the image
    /// of the representative's sites under a space-group operation, and translated to its normalised position.</summary>
    public IReadOnlyList<Int3[]> Images { get; }

    /// <summary>Clusters per primitive cell (icet convention).</summary>
    public int Multiplicity => Images.Count;

    /// <summary>Site permutations p with op(rep[i]) + t = rep[p[i]] for some space-group operation.</summary>
    public IReadOnlyList<int[]> Permutations { get; }

    public IReadOnlyList<DecorationClass> Decorations { get; }

    /// <summary>Largest squared site distance in units of (a/2)^2.</summary>
    public int DiameterSquared { get; }

    /// <summary>Largest site distance in units of the lattice constant a.</summary>
    public double Diameter => Math.Sqrt(DiameterSquared) / 2.0;

    /// <summary>Sublattice of each site as letters, e.g. "cca".</summary>
    public string SublatticeLabel => new(SiteSublattices.Select(Sublattices.Letter).ToArray());

    public int ClustersPerSite(Sublattice s) => Multiplicity * SiteSublattices.Count(x => x == s);

    public override string ToString()
        => $"{Order}-site {SublatticeLabel} d={Diameter:0.###}a m={Multiplicity} [{string.Join(" ", Representative)}]";
}
