namespace Pipeline.RockSalt;

/// <summary>Species codes of Li(2-x)VO2F (<see cref="Chemistry.LiVOF"/>). Cation sublattice: Vac, Li, V; anion sublattice: O, F.
/// Other chemistries use <see cref="Chemistry"/> codes, which agree with these for Li-V-O-F.
/// Stored as bytes in configuration arrays (one array per sublattice).</summary>
public enum Species : byte
{
    Vac = 0,
    Li = 1,
    V = 2,
    O = 3,
    F = 4,
}

public static class SpeciesInfo
{
    public static bool IsCation(Species s) => s is Species.Vac or Species.Li or Species.V;

    public static bool IsAnion(Species s) => s is Species.O or Species.F;

    /// <summary>Parses an element symbol as written in POSCAR species lines (case-sensitive element symbols;
    /// "X", "Va" and "Vac" mean vacancy).</summary>
    public static bool TryParse(string symbol, out Species species)
    {
        switch (symbol)
        {
            case "Li": species = Species.Li; return true;
            case "V": species = Species.V; return true;
            case "O": species = Species.O; return true;
            case "F": species = Species.F; return true;
            case "X" or "Va" or "Vac": species = Species.Vac; return true;
            default: species = Species.Vac; return false;
        }
    }

    public static string Symbol(Species s) => s switch
    {
        Species.Li => "Li",
        Species.V => "V",
        Species.O => "O",
        Species.F => "F",
        _ => "Vac",
    };
}
