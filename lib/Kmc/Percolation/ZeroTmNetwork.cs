using Pipeline.Kmc.Lattice;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Percolation;

/// <summary>Result of a 0-TM network analysis.</summary>
/// <param name="Percolates">Some cluster wraps around the periodic cell.</param>
/// <param name="LiFractionSpanning">Fraction of all Li that sit in wrapping clusters (0 without Li).</param>
/// <param name="WrapMask">Union over wrapping clusters of the axes they wrap along (bit 0 = x, 1 = y, 2 = z).</param>
public readonly record struct PercolationResult(bool Percolates, double LiFractionSpanning, int WrapMask);

/// <summary>The 0-TM diffusion network (DOMAIN.md section 7): two NN non-TM cation sites (Li or vacancy) are joined
/// when a tetrahedron they share has no TM on its gates, i.e. when all four cations of that tetrahedron are non-TM.
/// So the network is the union of the all-non-TM tetrahedra. "TM" is any non-mobile cation of the chemistry
/// (<see cref="Chemistry.IsOtherCation"/>), whatever its element: the network depends only on which sites hold one.</summary>
public static class ZeroTmNetwork
{
    /// <param name="chemistry">What the codes mean (null: Li-V-O-F).</param>
    public static PercolationResult Analyze(CubicSiteIndex index, ReadOnlySpan<byte> cations, WrapCriterion criterion = WrapCriterion.AnyAxis,
        Chemistry? chemistry = null)
    {
        chemistry ??= Chemistry.LiVOF;
        int n = cations.Length;
        var uf = new WrappingUnionFind(n);
        for (int c = 0; c < n; c++)
        {
            if (chemistry.IsOtherCation(cations[c])) continue;
            foreach (int pattern in Tetrahedra.UniquePatterns)
            {
                var offsets = Tetrahedra.VertexOffsets[pattern];
                bool open = true;
                foreach (var o in offsets)
                    if (chemistry.IsOtherCation(cations[index.Offset(c, o)])) { open = false; break; }
                if (!open) continue;
                foreach (var o in offsets) uf.Union(c, index.Offset(c, o), o);
            }
        }
        int li = 0, spanning = 0, mask = 0;
        for (int c = 0; c < n; c++)
        {
            if (cations[c] != Chemistry.Mobile) continue;
            li++;
            byte m = uf.WrapMask(uf.Find(c));
            if (criterion.Holds(m)) { spanning++; mask |= m; }
        }
        bool percolates = false;
        for (int c = 0; c < n && !percolates; c++)
            percolates = !chemistry.IsOtherCation(cations[c]) && criterion.Holds(uf.WrapMask(uf.Find(c)));
        return new PercolationResult(percolates, li == 0 ? 0 : (double)spanning / li, mask);
    }

    /// <summary>The network of a kMC lattice, with its chemistry.</summary>
    public static PercolationResult Analyze(KmcLattice lattice, WrapCriterion criterion = WrapCriterion.AnyAxis)
        => Analyze(lattice.Index, lattice.Cations, criterion, lattice.Chemistry);

    /// <summary>Newman-Ziff estimate for a random cation lattice without vacancies: start with every cation a TM,
    /// turn sites into Li in the order <paramref name="order"/>, and return the Li fraction of cation sites at which
    /// a cluster first wraps under <paramref name="criterion"/>.</summary>
    public static double FirstWrapLiFraction(CubicSiteIndex index, int sites, ReadOnlySpan<int> order, WrapCriterion criterion)
    {
        var nonTm = new bool[sites];
        var uf = new WrappingUnionFind(sites);
        for (int k = 0; k < order.Length; k++)
        {
            int c = order[k];
            nonTm[c] = true;
            for (int pattern = 0; pattern < 8; pattern++)
            {
                var offsets = Tetrahedra.VertexOffsets[pattern];
                if (!nonTm[index.Offset(c, offsets[0])] || !nonTm[index.Offset(c, offsets[1])] || !nonTm[index.Offset(c, offsets[2])])
                    continue;
                int root = 0;
                foreach (var o in offsets) root = uf.Union(c, index.Offset(c, o), o);
                if (criterion.Holds(uf.WrapMask(root))) return (k + 1.0) / sites;
            }
        }
        return 1.0;
    }
}
