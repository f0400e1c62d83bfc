using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Helpers on clusters given as lattice points (units of a/2): lexicographic order, translation
/// normalisation and set keys. A cluster's translation class is represented by translating its smallest point
/// onto the reference site of its sublattice: (0,0,0) for a cation, (1,0,0) for an anion (an fcc translation).</summary>
public static class ClusterGeometry
{
    public static readonly Int3 CationOrigin = new(0, 0, 0);
    public static readonly Int3 AnionOrigin = new(1, 0, 0);

    public static int Compare(Int3 a, Int3 b)
    {
        int c = a.X.CompareTo(b.X);
        if (c != 0) return c;
        c = a.Y.CompareTo(b.Y);
        return c != 0 ? c : a.Z.CompareTo(b.Z);
    }

    /// <summary>The fcc translation that takes the cluster's smallest point onto its sublattice's reference site.</summary>
    public static Int3 NormalizingTranslation(ReadOnlySpan<Int3> cluster)
    {
        var min = cluster[0];
        foreach (var p in cluster)
            if (Compare(p, min) < 0) min = p;
        return min - (min.IsCationSite ? CationOrigin : AnionOrigin);
    }

    /// <summary>The cluster translated into its normalised position, keeping the site order.</summary>
    public static Int3[] Normalize(ReadOnlySpan<Int3> cluster)
    {
        var t = NormalizingTranslation(cluster);
        var result = new Int3[cluster.Length];
        for (int i = 0; i < cluster.Length; i++) result[i] = cluster[i] - t;
        return result;
    }

    /// <summary>A key that identifies the translation class of the cluster as a set (order ignored).</summary>
    public static string SetKey(ReadOnlySpan<Int3> cluster)
    {
        var sorted = Normalize(cluster);
        Array.Sort(sorted, Compare);
        return string.Join(";", sorted.Select(p => $"{p.X},{p.Y},{p.Z}"));
    }

    /// <summary>Largest squared distance between two points of the cluster, in units of (a/2)^2.</summary>
    public static int DiameterSquared(ReadOnlySpan<Int3> cluster)
    {
        int max = 0;
        for (int i = 0; i < cluster.Length; i++)
            for (int j = i + 1; j < cluster.Length; j++)
            {
                var d = cluster[i] - cluster[j];
                max = Math.Max(max, d.Dot(d));
            }
        return max;
    }

    /// <summary>Compares two point sequences lexicographically (shorter first on a common prefix).</summary>
    public static int CompareSequences(IReadOnlyList<Int3> a, IReadOnlyList<Int3> b)
    {
        for (int i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            int c = Compare(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Count.CompareTo(b.Count);
    }
}
