using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Per orbit, how many clusters of a supercell carry each tuple of site variables. Tuples are coded in
/// radix 3 in the image's site order (code = sum sigma_i 3^i), which the orbit's symmetry makes unambiguous.
/// Both the correlation vector and the total energy are sums over these histograms, so they are computed by one
/// code path with exact integer counts.</summary>
public static class ClusterCounts
{
    public static int CodeCount(int order) => order switch { 1 => 3, 2 => 9, 3 => 27, 4 => 81, _ => (int)Math.Pow(3, order) };

    /// <summary>counts[orbit][code] over all clusters of the supercell (one per orbit image and cation site).</summary>
    public static long[][] Count(IReadOnlyList<Orbit> orbits, SiteLookup lookup, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        Configuration.Validate(lookup.Cell, cations, anions);
        var bases = lookup.Bases(Sublattice.Cation);
        var table = lookup.Table;
        var result = new long[orbits.Count][];
        for (int o = 0; o < orbits.Count; o++)
        {
            var orbit = orbits[o];
            var counts = result[o] = new long[CodeCount(orbit.Order)];
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
                        int sigma = isCation[k] ? cations[site] : anions[site] - (byte)Species.O;
                        code += sigma * weight;
                        weight *= 3;
                    }
                    counts[code]++;
                }
            }
        }
        return result;
    }
}
