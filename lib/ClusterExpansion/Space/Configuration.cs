using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Checks of a configuration (two species arrays) against a supercell, with messages that name the site.</summary>
public static class Configuration
{
    /// <summary>Li-V-O-F: cations Vac, Li or V; anions O or F.</summary>
    public static void Validate(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions)
        => Validate(cell, cations, anions, Chemistry.LiVOF);

    public static void Validate(RockSaltSupercell cell, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, Chemistry chemistry)
    {
        if (cations.Length != cell.CationCount)
            throw new ArgumentException($"configuration has {cations.Length} cation species, the supercell {cell.CationCount} cation sites");
        if (anions.Length != cell.AnionCount)
            throw new ArgumentException($"configuration has {anions.Length} anion species, the supercell {cell.AnionCount} anion sites");
        for (int i = 0; i < cations.Length; i++)
            if (!chemistry.IsCation(cations[i]))
                throw new ArgumentException($"cation site {i} holds species code {cations[i]}, not one of {Names(chemistry, Sublattice.Cation)}");
        for (int j = 0; j < anions.Length; j++)
            if (!chemistry.IsAnion(anions[j]))
                throw new ArgumentException($"anion site {j} holds species code {anions[j]}, not one of {Names(chemistry, Sublattice.Anion)}");
    }

    private static string Names(Chemistry chemistry, Sublattice s)
    {
        int m = Sublattices.SpeciesCount(chemistry, s);
        return string.Join(", ", Enumerable.Range(0, m).Select(x => chemistry.Symbol(Sublattices.SpeciesCode(chemistry, s, x))));
    }
}
