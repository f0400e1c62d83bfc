using BenchmarkDotNet.Attributes;
using Pipeline.ClusterExpansion;
using Pipeline.RockSalt;

namespace Pipeline.Benchmarks;

/// <summary>Local CE energy changes per second (CeEvaluator.HopDelta, what the kMC calls for every event) in cubic
/// supercells of 4 L^3 cation sites from about 10^3 (L = 6) to 10^6 (L = 63), for random Li -> vacant-NN hops spread
/// over the whole cell (the cache-unfriendly case). Models: "full" = every correlation function of the default
/// cluster space (pairs to 1.45 a, triplets and quadruplets within NN: 204 clusters per site change, the worst
/// case) with non-zero ECIs; "truth" = the synthetic study's lattice-gas truth (points and 4 pair shells).
/// Target: at least 1e6 evaluations/s on one core, flat in L, no allocation.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*ClusterExpansion*'</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class ClusterExpansionBenchmarks
{
    private const int Hops = 4096;

    private CeEvaluator _evaluator = null!;
    private byte[] _cations = null!;
    private byte[] _anions = null!;
    private int[] _from = null!;
    private int[] _to = null!;
    private int[] _direction = null!;

    [Params(6, 14, 29, 63)]
    public int L { get; set; }

    [Params("full", "truth")]
    public string Model { get; set; } = "full";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2021);
        var space = ClusterSpace.Generate([1.45, 0.75, 0.75]);
        var model = Model == "full"
            ? new CeModel(space, 4.1, -3.0, space.Functions.Select(_ => 0.1 * rng.NextDouble() - 0.05).ToArray())
            : TruthModel(space);
        var cell = RockSaltSupercell.Cubic(L, 4.1);
        _evaluator = new CeEvaluator(model, cell);
        _cations = new byte[cell.CationCount];
        _anions = new byte[cell.AnionCount];
        // Li(2-x)VO2F at x = 0.5: per 3 cation sites 1.5 Li, 1 V, 0.5 vacancy; anions 2 O : 1 F.
        for (int i = 0; i < _cations.Length; i++)
        {
            double u = rng.NextDouble();
            _cations[i] = (byte)(u < 0.5 ? Species.Li : u < 5.0 / 6 ? Species.V : Species.Vac);
        }
        for (int j = 0; j < _anions.Length; j++) _anions[j] = (byte)(rng.NextDouble() < 2.0 / 3 ? Species.O : Species.F);
        _from = new int[Hops];
        _to = new int[Hops];
        _direction = new int[Hops];
        for (int k = 0; k < Hops;)
        {
            int i = rng.Next(_cations.Length), j = cell.CationNeighbor(i, rng.Next(12));
            if (_cations[i] != (byte)Species.Li || _cations[j] != (byte)Species.Vac) continue;
            _from[k] = i;
            _to[k] = j;
            _direction[k] = cell.CationNeighbors(j).IndexOf(i);
            k++;
        }
    }

    /// <summary>One operation = one HopDelta.</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double HopDelta()
    {
        double checksum = 0;
        for (int k = 0; k < Hops; k++) checksum += _evaluator.HopDelta(_cations, _anions, _from[k], _to[k]);
        return checksum;
    }

    /// <summary>One operation = one SiteFlipDelta (the hop's initial site emptied): the per-site energy the kMC caches;
    /// one single-site pass, about half a HopDelta.</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double SiteFlipDelta()
    {
        double checksum = 0;
        for (int k = 0; k < Hops; k++) checksum += _evaluator.SiteFlipDelta(_cations, _anions, _from[k], (byte)Species.Vac);
        return checksum;
    }

    /// <summary>One operation = one HopInteraction of an NN hop (only the clusters holding both sites: 14 for "full").</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double HopInteraction()
    {
        double checksum = 0;
        for (int k = 0; k < Hops; k++) checksum += _evaluator.HopInteraction(_cations, _anions, _from[k], _to[k]);
        return checksum;
    }

    /// <summary>One operation = one HopInteraction with the NN direction given, as the kMC calls it (no neighbour
    /// search).</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double HopInteractionWithDirection()
    {
        double checksum = 0;
        for (int k = 0; k < Hops; k++) checksum += _evaluator.HopInteraction(_cations, _anions, _from[k], _to[k], _direction[k]);
        return checksum;
    }

    /// <summary>The synthetic study's lattice gas (cation-cation shells 1-2, anion-anion 1, cation-anion 1).</summary>
    private static CeModel TruthModel(ClusterSpace space)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ce-bench-truth-{Environment.ProcessId}.yaml");
        File.WriteAllText(path, """
            ce:
              point: {Li: -1.9, V: -9, Vac: 0, O: -7, F: -4.2}
              pairs:
                - {shell: 1, sublattices: cation-cation, a: Li, b: Li, energy: 0.04}
                - {shell: 1, sublattices: cation-cation, a: Li, b: V, energy: 0.075}
                - {shell: 1, sublattices: cation-cation, a: V, b: V, energy: 0.11}
                - {shell: 2, sublattices: cation-cation, a: Li, b: Li, energy: 0.01}
                - {shell: 2, sublattices: cation-cation, a: Li, b: V, energy: 0.02}
                - {shell: 2, sublattices: cation-cation, a: V, b: V, energy: 0.045}
                - {shell: 1, sublattices: anion-anion, a: O, b: O, energy: 0.03}
                - {shell: 1, sublattices: anion-anion, a: O, b: F, energy: 0.01}
                - {shell: 1, sublattices: anion-anion, a: F, b: F, energy: 0.04}
                - {shell: 1, sublattices: cation-anion, a: Li, b: O, energy: -0.1}
                - {shell: 1, sublattices: cation-anion, a: Li, b: F, energy: -0.16}
                - {shell: 1, sublattices: cation-anion, a: V, b: O, energy: -0.15}
                - {shell: 1, sublattices: cation-anion, a: V, b: F, energy: -0.09}
            """);
        try
        {
            return LatticeGasTruth.Load(path).ToModel(space, 4.1, out var reason)
                   ?? throw new InvalidOperationException(reason);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>Keeping the kMC's per-site flip energies current after one executed hop (site I Li -> Vac, then its NN
/// F Vac -> Li), default cluster space with every ECI non-zero, cubic L = 14 (10976 cation sites), random hops over
/// the whole cell. "FieldUpdate": FlipEnergyField.SiteChanged for I, then for F (exact fixed-point increments).
/// "Recompute": the previous approach, one SiteFlipDelta per Li / vacant site within the pair cutoff (1.45 a) of I
/// or F. One operation = one hop update; each hop is executed and then undone (two operations), so the
/// configuration is the same on every invocation.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*FlipEnergyFieldBenchmarks*'</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class FlipEnergyFieldBenchmarks
{
    private const int Hops = 2048;
    private const int L = 14;

    private CeEvaluator _evaluator = null!;
    private FlipEnergyField _field = null!;
    private byte[] _cations = null!;
    private byte[] _anions = null!;
    private int[] _from = null!;
    private int[] _to = null!;
    private int[] _nearbyStart = null!;
    private int[] _nearby = null!;
    private double[] _flips = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var space = ClusterSpace.Generate([1.45, 0.75, 0.75]);
        var model = new CeModel(space, 4.1, -3.0, space.Functions.Select(_ => 0.1 * rng.NextDouble() - 0.05).ToArray());
        var cell = RockSaltSupercell.Cubic(L, 4.1);
        _evaluator = new CeEvaluator(model, cell);
        _cations = new byte[cell.CationCount];
        _anions = new byte[cell.AnionCount];
        // Li(2-x)VO2F at x = 0.5: per 3 cation sites 1.5 Li, 1 V, 0.5 vacancy; anions 2 O : 1 F.
        for (int i = 0; i < _cations.Length; i++)
        {
            double u = rng.NextDouble();
            _cations[i] = (byte)(u < 0.5 ? Species.Li : u < 5.0 / 6 ? Species.V : Species.Vac);
        }
        for (int j = 0; j < _anions.Length; j++) _anions[j] = (byte)(rng.NextDouble() < 2.0 / 3 ? Species.O : Species.F);
        _field = new FlipEnergyField(_evaluator);
        _field.Rebuild(_cations, _anions);
        _flips = new double[cell.CationCount];

        // Cation offsets within the pair cutoff: |d| <= 1.45 a = 2.9 a/2, i.e. |d|^2 <= 8 in units of a/2.
        var offsets = new List<Int3>();
        for (int x = -2; x <= 2; x++)
            for (int y = -2; y <= 2; y++)
                for (int z = -2; z <= 2; z++)
                    if ((x + y + z) % 2 == 0 && x * x + y * y + z * z is > 0 and <= 8) offsets.Add(new Int3(x, y, z));
        _from = new int[Hops];
        _to = new int[Hops];
        var starts = new List<int> { 0 };
        var nearby = new List<int>();
        for (int k = 0; k < Hops;)
        {
            int i = rng.Next(_cations.Length), j = cell.CationNeighbor(i, rng.Next(12));
            if (_cations[i] != (byte)Species.Li || _cations[j] != (byte)Species.Vac) continue;
            _from[k] = i;
            _to[k] = j;
            var sites = new SortedSet<int>();
            foreach (int end in new[] { i, j })
            {
                sites.Add(end);
                foreach (var o in offsets) sites.Add(cell.CationIndex(cell.CationPosition(end) + o));
            }
            nearby.AddRange(sites);
            starts.Add(nearby.Count);
            k++;
        }
        _nearbyStart = starts.ToArray();
        _nearby = nearby.ToArray();
    }

    /// <summary>Two SiteChanged calls per hop.</summary>
    [Benchmark(OperationsPerInvoke = 2 * Hops)]
    public long FieldUpdate()
    {
        for (int k = 0; k < Hops; k++)
        {
            int i = _from[k], f = _to[k];
            Move(i, f);
            Move(f, i);
        }
        return _field.FixedPoint(_from[0]);
    }

    /// <summary>One SiteFlipDelta per Li / vacant site within range of I or F (74 sites, about 49 of them not V).</summary>
    [Benchmark(OperationsPerInvoke = 2 * Hops)]
    public double Recompute()
    {
        for (int k = 0; k < Hops; k++)
        {
            int i = _from[k], f = _to[k];
            (_cations[i], _cations[f]) = ((byte)Species.Vac, (byte)Species.Li);
            RecomputeNearby(k);
            (_cations[i], _cations[f]) = ((byte)Species.Li, (byte)Species.Vac);
            RecomputeNearby(k);
        }
        return _flips[_from[0]];
    }

    private void Move(int initial, int final)
    {
        _cations[initial] = (byte)Species.Vac;
        _field.SiteChanged(_cations, _anions, initial, (byte)Species.Li);
        _cations[final] = (byte)Species.Li;
        _field.SiteChanged(_cations, _anions, final, (byte)Species.Vac);
    }

    private void RecomputeNearby(int k)
    {
        for (int n = _nearbyStart[k]; n < _nearbyStart[k + 1]; n++)
        {
            int s = _nearby[n];
            byte species = _cations[s];
            if (species == (byte)Species.V) continue;
            _flips[s] = _evaluator.SiteFlipDelta(_cations, _anions, s,
                species == (byte)Species.Li ? (byte)Species.Vac : (byte)Species.Li);
        }
    }
}

/// <summary>Local CE energy changes with more species: Li-V-O-F (cations Vac/Li/V) against Li-Mn-Ti-O-F (cations
/// Vac/Li/Mn/Ti: three cation species plus vacancies, radix-4 cluster codes) with every correlation function of the
/// default cluster space non-zero (204 clusters per site change for both), in cubic supercells of 4 L^3 cation sites.
/// Per 3 cation sites 1.5 Li, 0.5 vacancy and 1 TM (split evenly among the TM species); anions 2 O : 1 F.
/// "HopDelta": random Li -> vacant-NN hops over the whole cell; "SwapDelta": random swaps of two different
/// non-vacant cations (Li with a TM, or two TMs), what the canonical MC attempts.
/// Target: at least 1e6 evaluations/s, flat in L, no allocation.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*MulticomponentClusterExpansionBenchmarks*'</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class MulticomponentClusterExpansionBenchmarks
{
    private const int Moves = 4096;

    private CeEvaluator _evaluator = null!;
    private byte[] _cations = null!;
    private byte[] _anions = null!;
    private int[] _from = null!;
    private int[] _to = null!;
    private int[] _swapI = null!;
    private int[] _swapJ = null!;

    [Params(6, 14, 29)]
    public int L { get; set; }

    [Params("LiVOF", "LiMnTiOF")]
    public string Chemistry { get; set; } = "LiVOF";

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2021);
        var chemistry = Chemistry == "LiVOF" ? Pipeline.RockSalt.Chemistry.LiVOF : new Chemistry("Li", ["Mn", "Ti"], ["O", "F"]);
        var space = ClusterSpace.Generate([1.45, 0.75, 0.75], chemistry);
        var model = new CeModel(space, 4.1, -3.0, space.Functions.Select(_ => 0.1 * rng.NextDouble() - 0.05).ToArray());
        var cell = RockSaltSupercell.Cubic(L, 4.1);
        _evaluator = new CeEvaluator(model, cell);
        _cations = new byte[cell.CationCount];
        _anions = new byte[cell.AnionCount];
        int others = chemistry.OtherCations.Count;
        for (int i = 0; i < _cations.Length; i++)
        {
            double u = rng.NextDouble();
            _cations[i] = u < 0.5 ? Pipeline.RockSalt.Chemistry.Mobile
                : u < 5.0 / 6 ? (byte)(Pipeline.RockSalt.Chemistry.FirstOtherCation + rng.Next(others))
                : Pipeline.RockSalt.Chemistry.Vacancy;
        }
        for (int j = 0; j < _anions.Length; j++) _anions[j] = chemistry.Code(rng.NextDouble() < 2.0 / 3 ? "O" : "F");
        _from = new int[Moves];
        _to = new int[Moves];
        for (int k = 0; k < Moves;)
        {
            int i = rng.Next(_cations.Length), j = cell.CationNeighbor(i, rng.Next(12));
            if (_cations[i] != Pipeline.RockSalt.Chemistry.Mobile || _cations[j] != Pipeline.RockSalt.Chemistry.Vacancy) continue;
            _from[k] = i;
            _to[k] = j;
            k++;
        }
        _swapI = new int[Moves];
        _swapJ = new int[Moves];
        for (int k = 0; k < Moves;)
        {
            int i = rng.Next(_cations.Length), j = rng.Next(_cations.Length);
            if (_cations[i] == _cations[j] || _cations[i] == 0 || _cations[j] == 0) continue;
            _swapI[k] = i;
            _swapJ[k] = j;
            k++;
        }
    }

    /// <summary>One operation = one HopDelta.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public double HopDelta()
    {
        double checksum = 0;
        for (int k = 0; k < Moves; k++) checksum += _evaluator.HopDelta(_cations, _anions, _from[k], _to[k]);
        return checksum;
    }

    /// <summary>One operation = one cation SwapDelta of two different species.</summary>
    [Benchmark(OperationsPerInvoke = Moves)]
    public double SwapDelta()
    {
        double checksum = 0;
        for (int k = 0; k < Moves; k++) checksum += _evaluator.SwapDelta(_cations, _anions, Sublattice.Cation, _swapI[k], _swapJ[k]);
        return checksum;
    }
}
