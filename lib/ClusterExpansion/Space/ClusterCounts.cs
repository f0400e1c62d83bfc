using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Per orbit, how many clusters of a supercell carry each tuple of site variables. Tuples are coded in
/// radix R = max(M_cation, M_anion) in the image's site order (code = sum sigma_i R^i; R = 3 for Li-V-O-F), which
/// the orbit's symmetry makes unambiguous. Both the correlation vector and the total energy are sums over these
/// histograms, so they are computed by one code path with exact integer counts.</summary>
public static class ClusterCounts
{
    /// <summary>Codes of an order-site cluster in Li-V-O-F (radix 3).</summary>
    public static int CodeCount(int order) => SpeciesCounts.LiVOF.CodeCount(order);

    /// <summary>counts[orbit][code] over all clusters of the supercell (one per orbit image and cation site), for a
    /// configuration of <paramref name="chemistry"/> (the orbits' decorations must be built for it).</summary>
    public static long[][] Count(IReadOnlyList<Orbit> orbits, SiteLookup lookup, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions,
        Chemistry chemistry)
    {
        Configuration.Validate(lookup.Cell, cations, anions, chemistry);
        var species = SpeciesCounts.Of(chemistry);
        if (orbits.Any(o => o.SpeciesCounts != species))
            throw new ArgumentException($"the orbits were built for other species counts than {chemistry}");
        int radix = species.Radix, anionShift = chemistry.FirstAnion;
        var bases = lookup.Bases(Sublattice.Cation);
        var table = lookup.Table;
        var result = new long[orbits.Count][];
        for (int o = 0; o < orbits.Count; o++)
        {
            var orbit = orbits[o];
            var counts = result[o] = new long[orbit.CodeCount];
            int n = orbit.Order;
            var deltas = new int[n];
            var isCation = new bool[n];
            foreach (var image in orbit.Images)
            {
                for (int k = 0; k < n; k++)
                {
                    deltas[k] = lookup.Delta(image[k]);
                    isCation[k] = image[k].IsCationSite;
                }
                foreach (int b in bases)
                {
                    int code = 0, weight = 1;
                    for (int k = 0; k < n; k++)
                    {
                        int site = table[b + deltas[k]];
                        int sigma = isCation[k] ? cations[site] : anions[site] - anionShift;
                        code += sigma * weight;
                        weight *= radix;
                    }
                    counts[code]++;
                }
            }
        }
        return result;
    }

    /// <summary>Li-V-O-F overload.</summary>
    public static long[][] Count(IReadOnlyList<Orbit> orbits, SiteLookup lookup, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => Count(orbits, lookup, cations, anions, Chemistry.LiVOF);
}
