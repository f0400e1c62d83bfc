using Pipeline.RockSalt;

namespace Pipeline.Kmc.Stage;

/// <summary>The kmc param <c>formula</c> read against the chemistry of the CE model.</summary>
public static class KmcFormula
{
    /// <summary>The formula of <paramref name="text"/> in <paramref name="chemistry"/>; empty text means Li2VO2F, which
    /// only a Li-V-O-F chemistry accepts. Every x of <paramref name="compositions"/> must leave some mobile ions.
    /// Errors name the param, the chemistry and <paramref name="cePath"/> (where the chemistry came from).</summary>
    public static RockSaltFormula Resolve(string text, Chemistry chemistry, IReadOnlyList<double> compositions, string cePath)
    {
        RockSaltFormula formula;
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!chemistry.Equals(Chemistry.LiVOF))
                throw new ArgumentException($"param 'formula': required for the chemistry {chemistry} of {cePath} ({chemistry.Describe()}); " +
                                            $"give the fully lithiated formula unit, e.g. '{Example(chemistry)}'");
            formula = RockSaltFormula.LiVOF;
        }
        else
        {
            try { formula = RockSaltFormula.Parse(text, chemistry, "param 'formula'"); }
            catch (ArgumentException e) { throw new ArgumentException($"{e.Message} (chemistry of {cePath})", e); }
        }
        double max = formula.Amount(Chemistry.Mobile);
        foreach (var x in compositions)
            if (!(x <= max))
                throw new ArgumentException($"param 'compositions': x = {x.ToString(System.Globalization.CultureInfo.InvariantCulture)} exceeds the " +
                                            $"{max.ToString(System.Globalization.CultureInfo.InvariantCulture)} {chemistry.MobileIon} per formula unit of {formula}");
        return formula;
    }

    // A formula of the chemistry's species with one site per cation and anion kind, e.g. Li1Mn1Ti1O2F1: an example of
    // the syntax, not a suggested composition.
    private static string Example(Chemistry chemistry)
    {
        int cations = chemistry.CationSpeciesCount - 1;
        return string.Concat(chemistry.Symbols.Skip(1).Select((s, i) =>
            s + (i == cations ? (cations - chemistry.AnionSpeciesCount + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "1")));
    }
}
