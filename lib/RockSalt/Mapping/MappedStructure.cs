namespace Pipeline.RockSalt;

/// <summary>A relaxed structure assigned to ideal rock-salt sites (CONTRACTS.md, "Structure mapping").</summary>
/// <param name="Cell">The ideal supercell behind the structure.</param>
/// <param name="Cations">Species code per cation site (<see cref="Species.Vac"/> where no atom sits).</param>
/// <param name="Anions">Species code per anion site (never vacant).</param>
/// <param name="AtomSite">Per atom: its cation site index, or ~(anion site index).</param>
/// <param name="MaxDeviation">Largest distance (Angstrom) of an atom from its ideal site.</param>
public sealed record MappedStructure(RockSaltSupercell Cell, byte[] Cations, byte[] Anions,
    int[] AtomSite, double MaxDeviation);
