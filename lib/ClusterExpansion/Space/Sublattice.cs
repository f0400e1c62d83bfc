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
/// functions): on cations the code itself (Vac = 0, mobile ion = 1, other cations 2..), on anions the code minus
/// <see cref="Chemistry.FirstAnion"/>. The overloads without a chemistry are those of Li-V-O-F (Vac/Li/V, O/F).</summary>
public static class Sublattices
{
    /// <summary>Number of species allowed on the sublattice (M) in Li-V-O-F.</summary>
    public static int SpeciesCount(Sublattice s) => s == Sublattice.Cation ? 3 : 2;

    /// <summary>Number of species allowed on the sublattice (M) in <paramref name="chemistry"/>.</summary>
    public static int SpeciesCount(Chemistry chemistry, Sublattice s)
        => s == Sublattice.Cation ? chemistry.CationSpeciesCount : chemistry.AnionSpeciesCount;

    /// <summary>The sublattice a species code of <paramref name="chemistry"/> sits on.</summary>
    public static Sublattice Of(Chemistry chemistry, byte code) => chemistry.IsCation(code) ? Sublattice.Cation : Sublattice.Anion;

    public static int Sigma(Chemistry chemistry, Sublattice s, byte code) => s == Sublattice.Cation ? code : code - chemistry.FirstAnion;

    public static byte SpeciesCode(Chemistry chemistry, Sublattice s, int sigma)
        => (byte)(s == Sublattice.Cation ? sigma : sigma + chemistry.FirstAnion);

    public static bool IsValid(Chemistry chemistry, Sublattice s, byte code)
        => s == Sublattice.Cation ? chemistry.IsCation(code) : chemistry.IsAnion(code);

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
