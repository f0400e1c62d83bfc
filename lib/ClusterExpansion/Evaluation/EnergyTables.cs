namespace Pipeline.ClusterExpansion;

/// <summary>Per orbit, the energy (eV) of one cluster for every site-variable code (radix <see cref="Orbit.Radix"/>):
/// E_alpha(sigma) = sum over decoration classes D of J_alpha,D times the symmetrised cluster function. Summed over
/// all clusters of a supercell (plus N_cells J0) it gives the total energy of <see cref="CeModel"/>.</summary>
public static class EnergyTables
{
    /// <summary>Energy table of orbit <paramref name="orbitIndex"/>, or null when all its ECIs are zero.</summary>
    public static double[]? Build(CeModel model, int orbitIndex)
    {
        var space = model.Space;
        var orbit = space.Orbits[orbitIndex];
        double[]? table = null;
        foreach (var f in space.Functions)
        {
            if (f.OrbitIndex != orbitIndex || model.Ecis[f.Index] == 0.0) continue;
            table ??= new double[orbit.CodeCount];
            var phi = CorrelationFunctions.Table(orbit, orbit.Decorations[f.DecorationIndex]);
            for (int code = 0; code < table.Length; code++) table[code] += model.Ecis[f.Index] * phi[code];
        }
        return table;
    }
}
