using Pipeline.RockSalt;

namespace Pipeline.Kmc.Percolation;

/// <summary>Plain site percolation on the fcc cation lattice (NN bonds), for the fcc threshold check.</summary>
public static class SitePercolation
{
    /// <summary>Newman-Ziff: occupy sites in the order <paramref name="order"/> and return the occupied fraction at
    /// which a cluster first wraps under <paramref name="criterion"/>.</summary>
    public static double FirstWrapFraction(RockSaltSupercell cell, ReadOnlySpan<int> order, WrapCriterion criterion)
    {
        int n = cell.CationCount;
        var occupied = new bool[n];
        var uf = new WrappingUnionFind(n);
        var vectors = HopGeometry.NeighborVectors;
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            occupied[c] = true;
            var nn = cell.CationNeighbors(c);
            for (int d = 0; d < 12; d++)
            {
                if (!occupied[nn[d]]) continue;
                int root = uf.Union(c, nn[d], vectors[d]);
                if (criterion.Holds(uf.WrapMask(root))) return (k + 1.0) / n;
            }
        }
        return 1.0;
    }
}
