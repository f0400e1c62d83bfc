namespace Pipeline.RockSalt;

/// <summary>The species of one rock-salt chemistry, as data (DOMAIN.md section 10). Configuration arrays hold one
/// byte code per site:
/// <list type="bullet">
/// <item>0 = vacancy and 1 = the mobile ion (cation sublattice);</item>
/// <item>2 .. 1+k = the k other cations ("TM" in the descriptors: any non-mobile cation), in <see cref="OtherCations"/> order;</item>
/// <item>then the anions in <see cref="Anions"/> order, the host anion first.</item>
/// </list>
/// Li(2-x)VO2F gives Vac 0, Li 1, V 2, O 3, F 4: the <see cref="Species"/> codes, so code written for it keeps working.
/// The substituent anion is the one the 11 descriptors call "F".</summary>
public sealed class Chemistry : IEquatable<Chemistry>
{
    public const byte Vacancy = 0;
    public const byte Mobile = 1;
    public const byte FirstOtherCation = 2;
    public const string DefaultMobileIon = "Li";

    /// <summary>Elements that sit on the anion sublattice when a chemistry is inferred from structures.</summary>
    public static IReadOnlySet<string> AnionElements { get; } =
        new HashSet<string>(StringComparer.Ordinal) { "N", "O", "F", "S", "Cl", "Se", "Br", "Te", "I" };

    private readonly string[] _symbols; // by code; [0] = "Vac"

    public Chemistry(string mobileIon, IReadOnlyList<string> otherCations, IReadOnlyList<string> anions,
        string? substituent = null)
    {
        Check(mobileIon, "mobile_ion");
        if (AnionElements.Contains(mobileIon)) throw new ArgumentException($"mobile_ion: {mobileIon} is an anion");
        if (otherCations.Count == 0)
            throw new ArgumentException("cations: a rock-salt chemistry needs at least one cation besides the mobile ion");
        if (anions.Count == 0) throw new ArgumentException("anions: a rock-salt chemistry needs at least one anion");
        var all = new List<string> { "Vac", mobileIon };
        foreach (var c in otherCations) { Check(c, "cations"); all.Add(c); }
        foreach (var a in anions) { Check(a, "anions"); all.Add(a); }
        var duplicate = all.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"species: {duplicate.Key} is listed twice");
        if (all.Count > byte.MaxValue) throw new ArgumentException($"species: {all.Count} species, at most 255");

        substituent ??= anions.Count > 1 ? anions[1] : null;
        if (substituent is not null && !anions.Contains(substituent))
            throw new ArgumentException($"substituent: {substituent} is not one of the anions ({string.Join(", ", anions)})");
        MobileIon = mobileIon;
        OtherCations = otherCations.ToArray();
        Anions = anions.ToArray();
        Substituent = substituent;
        _symbols = all.ToArray();
    }

    /// <summary>Li(2-x)VO2F: the chemistry of the bundled study.</summary>
    public static Chemistry LiVOF { get; } = new("Li", ["V"], ["O", "F"], "F");

    public string MobileIon { get; }

    /// <summary>The non-mobile cations, code 2 onwards.</summary>
    public IReadOnlyList<string> OtherCations { get; }

    /// <summary>The anions, host first; codes from <see cref="FirstAnion"/> onwards.</summary>
    public IReadOnlyList<string> Anions { get; }

    /// <summary>The anion the descriptors call "F"; null when the chemistry has a single anion (its F counts are 0).</summary>
    public string? Substituent { get; }

    public byte FirstAnion => (byte)(FirstOtherCation + OtherCations.Count);

    /// <summary>Species a cation site can hold: vacancy, mobile ion and the other cations.</summary>
    public int CationSpeciesCount => FirstOtherCation + OtherCations.Count;

    public int AnionSpeciesCount => Anions.Count;

    public int CodeCount => _symbols.Length;

    /// <summary>Code of the substituent anion; 255 (matches no site) when there is none.</summary>
    public byte SubstituentCode => Substituent is null ? byte.MaxValue : Code(Substituent);

    public bool IsCation(byte code) => code < FirstAnion;

    public bool IsAnion(byte code) => code >= FirstAnion && code < _symbols.Length;

    /// <summary>True for the cations the descriptors call "TM": any cation that is neither vacancy nor mobile.</summary>
    public bool IsOtherCation(byte code) => code >= FirstOtherCation && code < FirstAnion;

    /// <summary>Element symbol of a code ("Vac" for 0).</summary>
    public string Symbol(byte code) => code < _symbols.Length ? _symbols[code] : $"<code {code}>";

    /// <summary>Every symbol by code, "Vac" first.</summary>
    public IReadOnlyList<string> Symbols => _symbols;

    /// <summary>Code of an element symbol; "X", "Va" and "Vac" mean vacancy.</summary>
    public bool TryCode(string symbol, out byte code)
    {
        if (symbol is "X" or "Va" or "Vac") { code = Vacancy; return true; }
        for (int i = 1; i < _symbols.Length; i++)
            if (string.Equals(_symbols[i], symbol, StringComparison.Ordinal)) { code = (byte)i; return true; }
        code = 0;
        return false;
    }

    public byte Code(string symbol) => TryCode(symbol, out var c) ? c
        : throw new ArgumentException($"{symbol} is not a species of {this} ({Describe()})");

    /// <summary>Infers the chemistry of a set of structures: the anions are the elements of <see cref="AnionElements"/>
    /// (host = the most abundant, then the rest alphabetically), the mobile ion is <paramref name="mobileIon"/>, the
    /// other cations are the rest, alphabetically. Counts are atoms summed over all structures.</summary>
    public static Chemistry Infer(IEnumerable<KeyValuePair<string, long>> elementCounts, string mobileIon = DefaultMobileIon,
        string? substituent = null)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (element, n) in elementCounts)
        {
            if (element is "X" or "Va" or "Vac") continue;
            counts[element] = counts.GetValueOrDefault(element) + n;
        }
        if (!counts.ContainsKey(mobileIon))
            throw new ArgumentException($"mobile_ion: the structures hold no {mobileIon} (elements: {string.Join(", ", counts.Keys.Order(StringComparer.Ordinal))})");
        var anions = counts.Keys.Where(AnionElements.Contains)
            .OrderByDescending(e => counts[e]).ThenBy(e => e, StringComparer.Ordinal).Take(1).ToList();
        anions.AddRange(counts.Keys.Where(e => AnionElements.Contains(e) && e != anions.FirstOrDefault())
            .Order(StringComparer.Ordinal));
        var others = counts.Keys.Where(e => e != mobileIon && !AnionElements.Contains(e)).Order(StringComparer.Ordinal).ToList();
        if (anions.Count > 2 && substituent is null)
            substituent = anions.Skip(1).OrderBy(e => counts[e]).ThenBy(e => e, StringComparer.Ordinal).First();
        return new Chemistry(mobileIon, others, anions, substituent);
    }

    /// <summary>Refuses a structure element this chemistry does not have, naming it and where it came from.</summary>
    public void RequireElement(string element, string source)
    {
        if (!TryCode(element, out _))
            throw new ArgumentException($"{source}: element {element} is not in the chemistry {this} ({Describe()}); " +
                                        "pin the species in pipeline.yaml or refit on data that holds it");
    }

    /// <summary>"cations Vac, Li (mobile), V; anions O (host), F (substituent)".</summary>
    public string Describe()
        => $"cations Vac, {MobileIon} (mobile){string.Concat(OtherCations.Select(c => ", " + c))}; anions " +
           string.Join(", ", Anions.Select((a, i) => a + (i == 0 ? " (host)" : a == Substituent ? " (substituent)" : "")));

    /// <summary>Formula-like name: Li-V-O-F.</summary>
    public override string ToString() => string.Join("-", _symbols.Skip(1));

    public bool Equals(Chemistry? other) => other is not null && _symbols.AsSpan().SequenceEqual(other._symbols)
                                            && Substituent == other.Substituent;

    public override bool Equals(object? obj) => Equals(obj as Chemistry);

    public override int GetHashCode() => HashCode.Combine(ToString(), Substituent);

    private static void Check(string symbol, string field)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Length > 3 || !char.IsAsciiLetterUpper(symbol[0])
            || !symbol.Skip(1).All(char.IsAsciiLetterLower) || symbol is "X" or "Va" or "Vac")
            throw new ArgumentException($"{field}: '{symbol}' is not an element symbol (e.g. Li, Mn, O)");
    }
}
