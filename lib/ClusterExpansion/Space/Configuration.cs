using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Checks of a configuration (two species arrays) against a supercell, with messages that name the site.</summary>
public static class Configuration
{
    public static void Validate(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
    {
        if (cations.Length != cell.CationCount)
            throw new ArgumentException($"configuration has {cations.Length} cation species, the supercell {cell.CationCount} cation sites");
        if (anions.Length != cell.AnionCount)
            throw new ArgumentException($"configuration has {anions.Length} anion species, the supercell {cell.AnionCount} anion sites");
        for (int i = 0; i < cations.Length; i++)
            if (!Sublattices.IsValid(Sublattice.Cation, cations[i]))
                throw new ArgumentException($"cation site {i} holds species code {cations[i]}, not Vac, Li or V");
        for (int j = 0; j < anions.Length; j++)
            if (!Sublattices.IsValid(Sublattice.Anion, anions[j]))
                throw new ArgumentException($"anion site {j} holds species code {anions[j]}, not O or F");
    }
}
