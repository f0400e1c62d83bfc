using System.Globalization;

namespace Pipeline.RockSalt;

/// <summary>The fully lithiated formula unit of a chemistry, amount per species (DOMAIN.md section 10): Li2VO2F is
/// {Li: 2, V: 1, O: 2, F: 1}, Li1.2Mn0.4Ti0.4O2 is {Li: 1.2, Mn: 0.4, Ti: 0.4, O: 2}. A rock salt has as many cation
/// as anion sites, so the cation amounts (mobile ion included) must add up to the anion amounts. Delithiation by x
/// takes x mobile ions per formula unit out and leaves x vacancies.</summary>
public sealed class RockSaltFormula
{
    private const double Tolerance = 1e-9;
    private readonly double[] _amount; // by species code; [0] (vacancy) unused

    public RockSaltFormula(Chemistry chemistry, IReadOnlyDictionary<string, double> amounts, string field = "formula")
    {
        Chemistry = chemistry;
        _amount = new double[chemistry.CodeCount];
        foreach (var (element, amount) in amounts)
        {
            if (!chemistry.TryCode(element, out byte code) || code == Chemistry.Vacancy)
                throw new ArgumentException($"{field}: {element} is not a species of {chemistry} ({chemistry.Describe()})");
            if (!double.IsFinite(amount) || amount < 0)
                throw new ArgumentException($"{field}: {element} amount {amount.ToString(CultureInfo.InvariantCulture)} must be a finite number >= 0");
            _amount[code] = amount;
        }
        for (byte c = 1; c < chemistry.CodeCount; c++)
            if (!amounts.ContainsKey(chemistry.Symbol(c)))
                throw new ArgumentException($"{field}: no amount for {chemistry.Symbol(c)} (give every species of {chemistry})");
        double cations = 0, anions = 0;
        for (byte c = 1; c < chemistry.CodeCount; c++)
            if (chemistry.IsCation(c)) cations += _amount[c]; else anions += _amount[c];
        if (Math.Abs(cations - anions) > Tolerance * Math.Max(1, cations))
            throw new ArgumentException($"{field}: cation amounts add up to {F(cations)} but anion amounts to {F(anions)}; a rock salt needs them equal");
        if (_amount[Chemistry.Mobile] <= 0)
            throw new ArgumentException($"{field}: the mobile ion {chemistry.MobileIon} needs an amount > 0");
        SitesPerFormulaUnit = cations;
    }

    /// <summary>Parses a formula written as element-amount runs, "Li2VO2F" or "Li1.2Mn0.4Ti0.4O1.8F0.2" (an omitted
    /// amount is 1), for <paramref name="chemistry"/>. Errors name the field and the character.</summary>
    public static RockSaltFormula Parse(string text, Chemistry chemistry, string field = "formula")
    {
        var amounts = new Dictionary<string, double>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterUpper(text[i]))
                throw new ArgumentException($"{field}: '{text}' at character {i + 1}: expected an element symbol (e.g. Li, Mn, O)");
            int start = i++;
            while (i < text.Length && char.IsAsciiLetterLower(text[i])) i++;
            string element = text[start..i];
            start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            double amount = 1;
            if (i > start && !double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out amount))
                throw new ArgumentException($"{field}: '{text}': '{text[start..i]}' after {element} is not a number");
            if (!amounts.TryAdd(element, amount))
                throw new ArgumentException($"{field}: '{text}' gives {element} twice");
        }
        if (amounts.Count == 0) throw new ArgumentException($"{field}: the formula is empty");
        return new RockSaltFormula(chemistry, amounts, field);
    }

    /// <summary>Li2VO2F, the bundled study's formula.</summary>
    public static RockSaltFormula LiVOF { get; } = new(Chemistry.LiVOF,
        new Dictionary<string, double> { ["Li"] = 2, ["V"] = 1, ["O"] = 2, ["F"] = 1 });

    public Chemistry Chemistry { get; }

    /// <summary>Cation (= anion) sites per formula unit.</summary>
    public double SitesPerFormulaUnit { get; }

    public double Amount(byte code) => _amount[code];

    /// <summary>Whole-atom counts per species code on a cell with <paramref name="cationSites"/> cation sites at
    /// delithiation <paramref name="x"/>: every non-mobile amount and the vacancies (x per formula unit) are rounded
    /// half away from zero, the mobile ion fills the remaining cation sites and the host anion the remaining anion
    /// sites. Errors name the param (<c>compositions</c>, <c>supercell</c>, <c>formula</c>) and the limit.</summary>
    public CellComposition CountsFor(double x, int cationSites)
    {
        if (!double.IsFinite(x) || x < 0)
            throw new ArgumentException($"compositions: x = {F(x)} must be a finite number >= 0");
        double formulaUnits = cationSites / SitesPerFormulaUnit;
        var counts = new int[Chemistry.CodeCount];
        int cations = 0, anions = 0;
        for (byte c = Chemistry.FirstOtherCation; c < Chemistry.CodeCount; c++)
        {
            if (c == Chemistry.FirstAnion) continue; // the host anion takes the rest
            counts[c] = Round(_amount[c] * formulaUnits);
            if (Math.Abs(counts[c] - _amount[c] * formulaUnits) > 1e-6)
                throw new ArgumentException($"supercell: {cationSites} cation sites hold {F(_amount[c] * formulaUnits)} " +
                                            $"{Chemistry.Symbol(c)}, not a whole number; choose a supercell with a whole number of formula units");
            if (Chemistry.IsCation(c)) cations += counts[c]; else anions += counts[c];
        }
        counts[Chemistry.Vacancy] = Round(x * formulaUnits);
        counts[Chemistry.Mobile] = cationSites - cations - counts[Chemistry.Vacancy];
        counts[Chemistry.FirstAnion] = cationSites - anions;
        if (counts[Chemistry.Vacancy] < 1)
            throw new ArgumentException($"compositions: x = {F(x)} leaves no vacancy in a {F(formulaUnits)}-formula-unit supercell " +
                                        $"(use x >= {F(1.0 / formulaUnits)})");
        if (counts[Chemistry.Mobile] < 1)
            throw new ArgumentException($"compositions: x = {F(x)} leaves no {Chemistry.MobileIon} in a {F(formulaUnits)}-formula-unit " +
                                        $"supercell (use x < {F(_amount[Chemistry.Mobile])})");
        if (counts[Chemistry.FirstAnion] < 0)
            throw new ArgumentException($"formula: the anion amounts exceed the anion sites");
        return new CellComposition(Chemistry, counts, formulaUnits);
    }

    /// <summary>"Li2 V1 O2 F1".</summary>
    public override string ToString()
        => string.Join(" ", Enumerable.Range(1, Chemistry.CodeCount - 1)
            .Select(c => Chemistry.Symbol((byte)c) + _amount[c].ToString("0.####", CultureInfo.InvariantCulture)));

    private static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>Whole-atom counts per species code on one cell (see <see cref="RockSaltFormula.CountsFor"/>).</summary>
public sealed class CellComposition(Chemistry chemistry, int[] counts, double formulaUnits)
{
    public Chemistry Chemistry { get; } = chemistry;

    public double FormulaUnits { get; } = formulaUnits;

    public int Count(byte code) => counts[code];

    public int Vacancies => counts[Chemistry.Vacancy];

    public int MobileIons => counts[Chemistry.Mobile];

    /// <summary>The delithiation the cell really holds (vacancies per formula unit).</summary>
    public double ActualX => Vacancies / FormulaUnits;

    public int CationSites => Enumerable.Range(0, Chemistry.CationSpeciesCount).Sum(c => counts[c]);

    public int AnionSites => Enumerable.Range(Chemistry.FirstAnion, Chemistry.AnionSpeciesCount).Sum(c => counts[c]);

    /// <summary>The species in a fixed order (mobile ion, other cations, vacancies; anions in code order), for the
    /// caller to shuffle with its own random stream: the order is part of what makes a seeded arrangement
    /// reproducible. For Li(2-x)VO2F this is the order <see cref="SiteCounts.Ordered"/> has always used.</summary>
    public (byte[] Cations, byte[] Anions) Ordered()
    {
        var cations = new byte[CationSites];
        int k = 0;
        for (byte c = Chemistry.Mobile; c < Chemistry.FirstAnion; c++)
            for (int n = 0; n < counts[c]; n++) cations[k++] = c;
        // Vacancies (code 0) are already in place: the array starts zeroed.
        var anions = new byte[AnionSites];
        k = 0;
        for (byte c = Chemistry.FirstAnion; c < Chemistry.CodeCount; c++)
            for (int n = 0; n < counts[c]; n++) anions[k++] = c;
        return (cations, anions);
    }
}
