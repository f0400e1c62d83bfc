namespace Pipeline.RockSalt;

/// <summary>A set of local hop descriptors for one chemistry (DOMAIN.md sections 4 and 10). Two sets exist:
/// <list type="bullet">
/// <item><c>standard</c>: the 11 descriptors of <see cref="HopDescriptors"/>, with "TM" meaning any non-mobile cation,
/// "li" the mobile ion and "f" the substituent anion. For Li(2-x)VO2F they are exactly the published ones.</item>
/// <item><c>element</c>: the same counts resolved by element: gate_{E}_up/down and nn_{E}_initial/final for every
/// non-mobile cation E, dumbbell_{A}, apex_{A}_up/down and back_{A} for every non-host anion A, then gate_li_up/down
/// and delta_e. Summing the E columns gives the standard TM descriptor, so LassoCV can tell a Ti gate from a Mn gate.</item>
/// </list>
/// The up/down orientation is the standard one in both sets, so a hop has one orientation whatever set is used.
/// Compute allocates nothing: the kMC calls it millions of times per second.</summary>
public sealed class DescriptorSet
{
    public const string Standard = "standard";
    public const string ElementResolved = "element";
    public const string DeltaE = "delta_e";

    private readonly bool _resolved;
    private readonly byte _substituent;
    private readonly bool[] _isOther = new bool[256];
    // Element set: output slot of the "up" (or "initial") column per species code, -1 when the code has none.
    private readonly int[] _gateSlot = new int[256], _nnSlot = new int[256], _anionSlot = new int[256];
    private readonly int _liSlot;
    private readonly (int Initial, int Final)[] _reversePairs; // ReversePairs as an array: Reverse runs in the kMC hot loop

    private DescriptorSet(string name, Chemistry chemistry)
    {
        Name = name;
        Chemistry = chemistry;
        _resolved = name == ElementResolved;
        _substituent = chemistry.SubstituentCode;
        for (int c = 0; c < 256; c++) _isOther[c] = chemistry.IsOtherCation((byte)c);
        Array.Fill(_gateSlot, -1);
        Array.Fill(_nnSlot, -1);
        Array.Fill(_anionSlot, -1);

        if (!_resolved)
        {
            Names = HopDescriptors.Names;
            ReversePairs = _reversePairs = [(8, 9)];
            _liSlot = 2;
            return;
        }
        var names = new List<string>();
        var reverse = new List<(int, int)>();
        for (byte c = Chemistry.FirstOtherCation; c < chemistry.FirstAnion; c++)
        {
            _gateSlot[c] = names.Count;
            names.Add($"gate_{chemistry.Symbol(c)}_up");
            names.Add($"gate_{chemistry.Symbol(c)}_down");
        }
        _liSlot = names.Count;
        names.Add("gate_li_up");
        names.Add("gate_li_down");
        for (byte c = (byte)(chemistry.FirstAnion + 1); c < chemistry.CodeCount; c++)
        {
            _anionSlot[c] = names.Count;
            string a = chemistry.Symbol(c);
            names.AddRange([$"dumbbell_{a}", $"apex_{a}_up", $"apex_{a}_down", $"back_{a}"]);
        }
        for (byte c = Chemistry.FirstOtherCation; c < chemistry.FirstAnion; c++)
        {
            _nnSlot[c] = names.Count;
            reverse.Add((names.Count, names.Count + 1));
            names.Add($"nn_{chemistry.Symbol(c)}_initial");
            names.Add($"nn_{chemistry.Symbol(c)}_final");
        }
        names.Add(DeltaE);
        Names = names;
        ReversePairs = _reversePairs = reverse.ToArray();
    }

    /// <summary>The set called <paramref name="name"/> ("standard" or "element") for a chemistry.</summary>
    public static DescriptorSet Create(string name, Chemistry chemistry) => name switch
    {
        Standard or ElementResolved => new DescriptorSet(name, chemistry),
        _ => throw new ArgumentException($"descriptors: unknown descriptor set '{name}' (expected '{Standard}' or '{ElementResolved}')"),
    };

    /// <summary>The published 11 descriptors of Li(2-x)VO2F.</summary>
    public static DescriptorSet LiVOF { get; } = new(Standard, Chemistry.LiVOF);

    public string Name { get; }

    public Chemistry Chemistry { get; }

    /// <summary>Column names; delta_e is always last.</summary>
    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    /// <summary>Every descriptor but delta_e: the inputs of the KRA model.</summary>
    public int KraCount => Names.Count - 1;

    /// <summary>Index pairs (initial, final) that swap when the hop is reversed (the nn counts of I and F).</summary>
    public IReadOnlyList<(int Initial, int Final)> ReversePairs { get; }

    /// <summary>Computes the descriptors into <paramref name="output"/>[0..KraCount) and sets the last one to
    /// <paramref name="deltaE"/> when the span has room. Returns true when T1 (the +e3 tetrahedron) is "up". The
    /// configuration is the initial one (mobile ion on I, vacancy on F); the sites I and F are not read.</summary>
    public bool Compute(in HopAnatomy hop, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, double deltaE,
        Span<double> output)
    {
        var isOther = _isOther;
        byte li = Chemistry.Mobile, f = _substituent;
        int g10 = cations[hop.GatesT1[0]], g11 = cations[hop.GatesT1[1]];
        int g20 = cations[hop.GatesT2[0]], g21 = cations[hop.GatesT2[1]];
        int tm1 = (isOther[g10] ? 1 : 0) + (isOther[g11] ? 1 : 0);
        int tm2 = (isOther[g20] ? 1 : 0) + (isOther[g21] ? 1 : 0);
        int li1 = (g10 == li ? 1 : 0) + (g11 == li ? 1 : 0);
        int li2 = (g20 == li ? 1 : 0) + (g21 == li ? 1 : 0);
        int ap1 = (anions[hop.ApexT1[0]] == f ? 1 : 0) + (anions[hop.ApexT1[1]] == f ? 1 : 0);
        int ap2 = (anions[hop.ApexT2[0]] == f ? 1 : 0) + (anions[hop.ApexT2[1]] == f ? 1 : 0);
        bool t1Up = HopDescriptors.T1IsUp(hop, tm1, tm2, ap1, ap2, li1, li2);
        if (_resolved) ComputeResolved(hop, cations, anions, t1Up, output);
        else ComputeStandard(hop, cations, anions, t1Up, tm1, tm2, li1, li2, ap1, ap2, output);
        output[_liSlot] = t1Up ? li1 : li2;
        output[_liSlot + 1] = t1Up ? li2 : li1;
        if (output.Length > KraCount) output[KraCount] = deltaE;
        return t1Up;
    }

    private void ComputeStandard(in HopAnatomy hop, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, bool t1Up,
        int tm1, int tm2, int li1, int li2, int ap1, int ap2, Span<double> output)
    {
        var isOther = _isOther;
        byte f = _substituent;
        int db = (anions[hop.Dumbbell[0]] == f ? 1 : 0) + (anions[hop.Dumbbell[1]] == f ? 1 : 0);
        int back = 0;
        for (int k = 0; k < 4; k++) back += anions[hop.Back[k]] == f ? 1 : 0;
        int nnI = 0, nnF = 0;
        for (int k = 0; k < 7; k++)
        {
            nnI += isOther[cations[hop.OtherNnInitial[k]]] ? 1 : 0;
            nnF += isOther[cations[hop.OtherNnFinal[k]]] ? 1 : 0;
        }
        output[0] = t1Up ? tm1 : tm2;
        output[1] = t1Up ? tm2 : tm1;
        output[4] = db;
        output[5] = t1Up ? ap1 : ap2;
        output[6] = t1Up ? ap2 : ap1;
        output[7] = back;
        output[8] = nnI;
        output[9] = nnF;
    }

    private void ComputeResolved(in HopAnatomy hop, ReadOnlySpan<byte> cations, ReadOnlySpan<byte> anions, bool t1Up,
        Span<double> output)
    {
        output[..KraCount].Clear();
        int up = t1Up ? 0 : 1; // column offset of T1's gates: up (0) or down (1)
        Gate(cations[hop.GatesT1[0]], up, output);
        Gate(cations[hop.GatesT1[1]], up, output);
        Gate(cations[hop.GatesT2[0]], 1 - up, output);
        Gate(cations[hop.GatesT2[1]], 1 - up, output);
        for (int k = 0; k < 2; k++)
        {
            Anion(anions[hop.Dumbbell[k]], 0, output);
            Anion(anions[hop.ApexT1[k]], 1 + up, output);
            Anion(anions[hop.ApexT2[k]], 2 - up, output);
        }
        for (int k = 0; k < 4; k++) Anion(anions[hop.Back[k]], 3, output);
        for (int k = 0; k < 7; k++)
        {
            int si = _nnSlot[cations[hop.OtherNnInitial[k]]];
            if (si >= 0) output[si] += 1;
            int sf = _nnSlot[cations[hop.OtherNnFinal[k]]];
            if (sf >= 0) output[sf + 1] += 1;
        }
    }

    private void Gate(byte code, int offset, Span<double> output)
    {
        int s = _gateSlot[code];
        if (s >= 0) output[s + offset] += 1;
    }

    private void Anion(byte code, int offset, Span<double> output)
    {
        int s = _anionSlot[code];
        if (s >= 0) output[s + offset] += 1;
    }

    /// <summary>Swaps the initial/final columns in place: the descriptors of the reverse hop's configuration, as
    /// the symmetrized KRA needs them.</summary>
    public void Reverse(Span<double> descriptors)
    {
        // Over the array (an index loop): a foreach over the IReadOnlyList would allocate an enumerator per call.
        foreach (var (i, f) in _reversePairs) (descriptors[i], descriptors[f]) = (descriptors[f], descriptors[i]);
    }
}
