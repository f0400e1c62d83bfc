using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Model;

/// <summary>The three ways a Li can go from I to F (DOMAIN.md section 2), named as the path label is.</summary>
internal enum HopPath
{
    Up = 0,
    Down = 1,
    Straight = 2,
}

internal static class HopPathNames
{
    public static string Label(HopPath p) => p switch
    {
        HopPath.Up => "up",
        HopPath.Down => "down",
        _ => "straight",
    };
}

/// <summary>KRA barrier of one path as a function of the KRA descriptors of a <see cref="DescriptorSet"/> (all but
/// delta_e): intercept + sum c_k d_k, plus <see cref="TwoTmExtra"/> when the gate TM count of the path's tetrahedron
/// (the sum of the <see cref="TwoTmDescriptors"/>: gate_tm_up in the standard set, gate_E_up over every element E in
/// the element set) equals 2 (a 2-TM tetrahedron is worse than twice a 1-TM one).</summary>
internal sealed class PathModel
{
    private readonly double[] _coef;
    private readonly int[] _twoTmIndices;

    public PathModel(HopPath path, double intercept, IReadOnlyList<(string Name, double Value)> coefficients,
        string? twoTmDescriptor = null, double twoTmExtra = 0, DescriptorSet? descriptors = null)
        : this(path, intercept, coefficients, twoTmDescriptor is null ? [] : [twoTmDescriptor], twoTmExtra, descriptors)
    {
    }

    public PathModel(HopPath path, double intercept, IReadOnlyList<(string Name, double Value)> coefficients,
        IReadOnlyList<string> twoTmDescriptors, double twoTmExtra, DescriptorSet? descriptors)
    {
        Descriptors = descriptors ?? DescriptorSet.LiVOF;
        _coef = new double[Descriptors.KraCount];
        Path = path;
        Intercept = intercept;
        Coefficients = coefficients;
        foreach (var (name, value) in coefficients) _coef[IndexOf(name)] = value;
        TwoTmDescriptors = twoTmDescriptors;
        TwoTmExtra = twoTmExtra;
        _twoTmIndices = twoTmDescriptors.Select(IndexOf).ToArray();
    }

    public HopPath Path { get; }
    public double Intercept { get; }
    public IReadOnlyList<(string Name, double Value)> Coefficients { get; }

    /// <summary>The descriptor set the coefficients are keyed by.</summary>
    public DescriptorSet Descriptors { get; }

    /// <summary>The gate columns whose sum is the tetrahedron's TM count (empty for the straight path).</summary>
    public IReadOnlyList<string> TwoTmDescriptors { get; }
    public double TwoTmExtra { get; }

    public double Kra(ReadOnlySpan<double> descriptors)
    {
        double e = Intercept;
        for (int k = 0; k < _coef.Length; k++) e += _coef[k] * descriptors[k];
        if (_twoTmIndices.Length > 0)
        {
            double tm = 0;
            foreach (int i in _twoTmIndices) tm += descriptors[i];
            if (tm == 2) e += TwoTmExtra;
        }
        return e;
    }

    private int IndexOf(string name)
    {
        for (int k = 0; k < Descriptors.KraCount; k++)
            if (Descriptors.Names[k] == name) return k;
        throw new ArgumentException($"'{name}' is not a KRA descriptor of the {Descriptors.Name} set of {Descriptors.Chemistry}");
    }
}

/// <summary>The barrier a synthetic hop gets: the path it takes and its energies (eV).</summary>
internal readonly record struct HopBarrier(HopPath Path, double KraNoiseFree, double Kra, double Forward, double DeltaE);

/// <summary>The ground-truth barrier process of the synthetic study. Each of the three paths has a KRA model in the
/// DOMAIN.md descriptors; the hop takes the path with the lowest noise-free KRA (exact ties broken at random, so the
/// less open "down" tetrahedron is used when it is as good as "up"); the chosen KRA gets Gaussian noise whose
/// sigma grows with the barrier; the forward barrier is KRA + dE/2, clamped to at least max(dE, 0) + margin so the
/// saddle stays a real maximum above both end points (the KRA is then recomputed as forward - dE/2).</summary>
internal sealed class TruthBarrierModel
{
    public TruthBarrierModel(PathModel up, PathModel down, PathModel straight, double noiseBase, double noiseRelative, double margin)
    {
        if (up.Descriptors != down.Descriptors || up.Descriptors != straight.Descriptors)
            throw new ArgumentException("truth barriers: the three path models must use one descriptor set");
        Paths = [up, down, straight];
        NoiseBase = noiseBase;
        NoiseRelative = noiseRelative;
        Margin = margin;
    }

    /// <summary>The descriptor set the path models act on (standard for Li-V-O-F, element-resolved for multi-TM).</summary>
    public DescriptorSet Descriptors => Paths[0].Descriptors;

    /// <summary>Up, down, straight (indexed by <see cref="HopPath"/>).</summary>
    public IReadOnlyList<PathModel> Paths { get; }

    /// <summary>Noise sigma of the KRA = NoiseBase + NoiseRelative * KRA.</summary>
    public double NoiseBase { get; }
    public double NoiseRelative { get; }

    /// <summary>Smallest height of the saddle above the higher end point.</summary>
    public double Margin { get; }

    /// <summary>Tetrahedral site hop: 0-TM about 0.35-0.55 eV, each TM gate +0.35 eV (+0.1 more for 2-TM), Li on a
    /// gate +0.05, F in the tetrahedron (apex or dumbbell) and behind the end points slightly raises it.
    /// Oxygen dumbbell hop: 0.70 eV + 0.15 per F in the dumbbell, small TM effects (about 0.75-1.1 eV).</summary>
    public static TruthBarrierModel Create(double noiseBase, double noiseRelative, double margin = 0.02)
    {
        PathModel Tetrahedral(HopPath path, string side) => new(path, 0.36,
        [
            ($"gate_tm_{side}", 0.35), ($"gate_li_{side}", 0.05), ("dumbbell_f", 0.03), ($"apex_f_{side}", 0.05),
            ("back_f", 0.02), ("nn_tm_initial", 0.015), ("nn_tm_final", 0.010),
        ], $"gate_tm_{side}", 0.10);
        var straight = new PathModel(HopPath.Straight, 0.70,
        [
            ("gate_tm_up", 0.03), ("gate_tm_down", 0.03), ("dumbbell_f", 0.15), ("back_f", 0.02),
            ("nn_tm_initial", 0.010), ("nn_tm_final", 0.010),
        ]);
        return new TruthBarrierModel(Tetrahedral(HopPath.Up, "up"), Tetrahedral(HopPath.Down, "down"), straight,
            noiseBase, noiseRelative, margin);
    }

    /// <summary>Lowest noise-free KRA over the three paths.</summary>
    public double NoiseFreeKra(ReadOnlySpan<double> descriptors)
        => Math.Min(Paths[0].Kra(descriptors), Math.Min(Paths[1].Kra(descriptors), Paths[2].Kra(descriptors)));

    /// <summary>Noise-free forward barrier for a noise-free dE.</summary>
    public double NoiseFreeForward(ReadOnlySpan<double> descriptors, double deltaE)
        => Math.Max(NoiseFreeKra(descriptors) + deltaE / 2, Math.Max(deltaE, 0) + Margin);

    /// <summary>Draws the barrier of one hop; <paramref name="deltaE"/> is the hop's (noisy) reaction energy.</summary>
    public HopBarrier Draw(ReadOnlySpan<double> descriptors, double deltaE, SeededRandom rng)
    {
        Span<double> kra = stackalloc double[3];
        double best = double.PositiveInfinity;
        for (int p = 0; p < 3; p++)
        {
            kra[p] = Paths[p].Kra(descriptors);
            best = Math.Min(best, kra[p]);
        }
        Span<int> tied = stackalloc int[3];
        int nTied = 0;
        for (int p = 0; p < 3; p++)
            if (kra[p] - best < 1e-12) tied[nTied++] = p;
        var path = (HopPath)tied[nTied == 1 ? 0 : rng.NextInt(nTied)];

        double noisy = best + rng.Gaussian(NoiseBase + NoiseRelative * best);
        double forward = Math.Max(noisy + deltaE / 2, Math.Max(deltaE, 0) + Margin);
        return new HopBarrier(path, best, forward - deltaE / 2, forward, deltaE);
    }
}
