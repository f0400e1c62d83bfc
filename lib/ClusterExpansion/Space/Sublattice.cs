using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>The two sublattices of the rock salt. Cation sites have an even coordinate sum (units of a/2), anion
/// sites an odd one.</summary>
public enum Sublattice : byte
{
    Cation = 0,
    Anion = 1,
}

/// <summary>Species of each sublattice and their site-variable values sigma (the argument of the site basis
/// functions). Cation sublattice: Vac = 0, Li = 1, V = 2 (the <see cref="Species"/> codes); anion sublattice:
/// O = 0, F = 1 (the code minus 3).</summary>
public static class Sublattices
{
    /// <summary>Number of species allowed on the sublattice (M).</summary>
    public static int SpeciesCount(Sublattice s) => s == Sublattice.Cation ? 3 : 2;

    public static Sublattice Of(Int3 p) => p.IsCationSite ? Sublattice.Cation : Sublattice.Anion;

    public static Sublattice Of(Species s) => SpeciesInfo.IsCation(s) ? Sublattice.Cation : Sublattice.Anion;

    /// <summary>The site variable of a species code on its sublattice.</summary>
    public static int Sigma(Sublattice s, byte speciesCode) => s == Sublattice.Cation ? speciesCode : speciesCode - 3;

    /// <summary>The species code of site variable <paramref name="sigma"/> on the sublattice.</summary>
    public static byte SpeciesCode(Sublattice s, int sigma) => (byte)(s == Sublattice.Cation ? sigma : sigma + 3);

    public static bool IsValid(Sublattice s, byte speciesCode)
        => s == Sublattice.Cation ? speciesCode <= (byte)Species.V : speciesCode is (byte)Species.O or (byte)Species.F;

    public static char Letter(Sublattice s) => s == Sublattice.Cation ? 'c' : 'a';

    public static string Name(Sublattice s) => s == Sublattice.Cation ? "cation" : "anion";

    public static Sublattice Parse(string name, string context) => name switch
    {
        "cation" or "c" => Sublattice.Cation,
        "anion" or "a" => Sublattice.Anion,
        _ => throw new FormatException($"{context}: unknown sublattice '{name}' (expected 'cation' or 'anion')"),
    };
}
