namespace Pipeline.ClusterExpansion;

/// <summary>Symmetrised cluster functions and correlation vectors.
/// <para>For orbit alpha and decoration class D, the cluster function of a cluster whose sites (in image order)
/// hold sigma_1..sigma_n is (1/|D|) sum over d in D of prod_i Theta_{d_i}(sigma_i); the correlation
/// &lt;Phi_alpha,D&gt; is its average over all clusters of the orbit in the supercell. Averaging over the class
/// makes the value independent of which symmetry operation ordered the cluster's sites.</para></summary>
public static class CorrelationFunctions
{
    /// <summary>Value of the symmetrised cluster function for every site-variable code (radix
    /// <see cref="Orbit.Radix"/>; 0 for codes that put a site variable beyond its sublattice's species, which
    /// cannot occur).</summary>
    public static double[] Table(Orbit orbit, DecorationClass decoration)
    {
        int n = orbit.Order, radix = orbit.Radix;
        var table = new double[orbit.CodeCount];
        var sigma = new int[n];
        for (int code = 0; code < table.Length; code++)
        {
            int rest = code;
            bool possible = true;
            for (int k = 0; k < n; k++)
            {
                sigma[k] = rest % radix;
                rest /= radix;
                possible &= sigma[k] < orbit.SpeciesCounts[orbit.SiteSublattices[k]];
            }
            if (!possible) continue;
            double sum = 0.0;
            foreach (var member in decoration.Members)
            {
                double product = 1.0;
                for (int k = 0; k < n; k++)
                    product *= SiteBasis.Value(orbit.SpeciesCounts[orbit.SiteSublattices[k]], member[k], sigma[k]);
                sum += product;
            }
            table[code] = sum / decoration.Members.Length;
        }
        return table;
    }

    /// <summary>The correlation vector (one value per <see cref="ClusterSpace.Functions"/> entry).</summary>
    public static double[] Compute(ClusterSpace space, SiteLookup lookup, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        var counts = ClusterCounts.Count(space.Orbits, lookup, cations, anions, space.Chemistry);
        var result = new double[space.Functions.Count];
        int primitiveCells = lookup.Cell.CationCount;
        foreach (var f in space.Functions)
        {
            var orbit = space.Orbits[f.OrbitIndex];
            var table = Table(orbit, orbit.Decorations[f.DecorationIndex]);
            double sum = 0.0;
            var c = counts[f.OrbitIndex];
            for (int code = 0; code < c.Length; code++) sum += c[code] * table[code];
            result[f.Index] = sum / ((double)primitiveCells * orbit.Multiplicity);
        }
        return result;
    }

    /// <summary>Convenience overload that builds the site lookup for the supercell.</summary>
    public static double[] Compute(ClusterSpace space, Pipeline.RockSalt.RockSaltSupercell cell,
        ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => Compute(space, new SiteLookup(cell, space.Padding), cations, anions);
}
