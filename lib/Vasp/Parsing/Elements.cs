namespace Pipeline.Vasp.Parsing;

/// <summary>Chemical element symbols by atomic number (ASE stores atoms as numbers; VASP headers as symbols).</summary>
public static class Elements
{
    private static readonly string[] Symbols =
    [
        "X",
        "H", "He", "Li", "Be", "B", "C", "N", "O", "F", "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar",
        "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn", "Fe", "Co", "Ni", "Cu", "Zn", "Ga", "Ge", "As", "Se", "Br", "Kr",
        "Rb", "Sr", "Y", "Zr", "Nb", "Mo", "Tc", "Ru", "Rh", "Pd", "Ag", "Cd", "In", "Sn", "Sb", "Te", "I", "Xe",
        "Cs", "Ba", "La", "Ce", "Pr", "Nd", "Pm", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
        "Hf", "Ta", "W", "Re", "Os", "Ir", "Pt", "Au", "Hg", "Tl", "Pb", "Bi", "Po", "At", "Rn",
        "Fr", "Ra", "Ac", "Th", "Pa", "U", "Np", "Pu", "Am", "Cm", "Bk", "Cf", "Es", "Fm", "Md", "No", "Lr",
        "Rf", "Db", "Sg", "Bh", "Hs", "Mt", "Ds", "Rg", "Cn", "Nh", "Fl", "Mc", "Lv", "Ts", "Og",
    ];

    private static readonly Dictionary<string, int> Numbers =
        Symbols.Select((s, z) => (s, z)).Skip(1).ToDictionary(p => p.s, p => p.z, StringComparer.Ordinal);

    public static int MaxAtomicNumber => Symbols.Length - 1;

    /// <summary>The symbol of atomic number <paramref name="z"/> (1..118).</summary>
    public static string Symbol(long z)
        => z >= 1 && z < Symbols.Length ? Symbols[z] : throw new ArgumentOutOfRangeException(nameof(z), $"no element with atomic number {z}");

    public static bool IsSymbol(string s) => Numbers.ContainsKey(s);

    /// <summary>Reduces a POTCAR/POSCAR label such as "Li_sv", "V_pv" or "O_s" to its element symbol;
    /// null when the label does not start with one.</summary>
    public static string? SymbolOfLabel(ReadOnlySpan<char> label)
    {
        if (label.IsEmpty || !char.IsAsciiLetterUpper(label[0]))
            return null;
        if (label.Length > 1 && char.IsAsciiLetterLower(label[1]))
        {
            var two = label[..2].ToString();
            if (IsSymbol(two))
                return two;
        }
        var one = label[..1].ToString();
        return IsSymbol(one) ? one : null;
    }
}
