using Pipeline.Abstractions;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Kmc.Stage;

/// <summary>The validated parameters of a kmc run (the stage's params, typed).</summary>
public sealed record KmcSettings
{
    /// <summary>The fully lithiated formula unit ("Li1.2Mn0.4Ti0.4O1.8F0.2"); empty: Li2VO2F, which only a Li-V-O-F
    /// CE model accepts (see <see cref="KmcFormula.Resolve"/>).</summary>
    public string Formula { get; init; } = "";
    public required IReadOnlyList<double> Compositions { get; init; }
    public required IReadOnlyList<double> Temperatures { get; init; }
    public required int Size { get; init; }
    public required IReadOnlyList<long> Seeds { get; init; }
    /// <summary>Events per run (used when <see cref="Time"/> is 0).</summary>
    public required long Steps { get; init; }
    /// <summary>Simulated time per run in s (0: run <see cref="Steps"/> events).</summary>
    public required double Time { get; init; }
    public required double Nu { get; init; }
    /// <summary>0: random start; otherwise CE canonical Monte Carlo at this temperature (K).</summary>
    public required double SynthesisTemperature { get; init; }
    public required int SynthesisSweeps { get; init; }
    /// <summary>Conventional cubic edge a (Angstrom); 0 takes the CE model's.</summary>
    public required double LatticeConstant { get; init; }
    public required int Samples { get; init; }
    public required int Blocks { get; init; }

    /// <summary>The cap on events per run: the maximum of <c>steps</c>, and where a run for a simulated <c>time</c>
    /// stops with an error (10^10 events are hours of one core).</summary>
    public const long MaxEventsPerRun = 10_000_000_000;

    /// <summary>Events after which a run for a simulated time stops (<see cref="MaxEventsPerRun"/>; tests lower it).</summary>
    public long MaxEvents { get; init; } = MaxEventsPerRun;

    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.String("formula", "fully lithiated formula unit, e.g. Li1.2Mn0.4Ti0.4O1.8F0.2 (species of the CE model's chemistry); empty = Li2VO2F, required when the chemistry is not Li-V-O-F", ""),
        ParamSpec.FloatList("compositions", "delithiation x values to simulate (x mobile ions per formula unit removed, at most the formula's)", [0.1, 0.2, 0.3], min: 0, max: 2)
            with { MinCount = 1, Distinct = true },
        ParamSpec.FloatList("temperatures", "temperatures in K (the Arrhenius fit uses all of them)", [300.0, 400, 500, 600], min: 1, max: 10_000)
            with { MinCount = 1, Distinct = true },
        ParamSpec.Int("size", "supercell edge L in conventional cells: 4 L^3 cation sites (63 gives 10^6)", 8, min: 1, max: 127),
        ParamSpec.Int("seeds", "independent runs per (x, T), seeds 1..n (ignored when seed_list is set)", 2, min: 1),
        ParamSpec.IntList("seed_list", "explicit seeds per (x, T); overrides seeds", [], min: 0) with { Distinct = true },
        ParamSpec.Int("steps", "kMC events per run (when time is 0)", 50_000, min: 1, max: MaxEventsPerRun),
        ParamSpec.Float("time", "simulated time per run in s; 0 means run 'steps' events; a run that needs more than 10^10 events fails", 0.0, min: 0),
        ParamSpec.Float("nu", "attempt frequency in 1/s", 1e13, min: 1e-300, max: 1e20),
        ParamSpec.Float("synthesis_temperature", "0 = random start; else equilibrate with the CE's canonical Monte Carlo at this T (K)", 0.0, min: 0, max: 10_000),
        ParamSpec.Int("synthesis_sweeps", "canonical Monte Carlo sweeps for the synthesis equilibration", 200, min: 0),
        ParamSpec.Float("lattice_constant", "conventional cubic edge a in Angstrom; 0 takes the CE model's", 0.0, min: 0, max: 100),
        ParamSpec.Int("samples", "MSD samples per run (evenly spaced in events or time)", 100, min: 1, max: 100_000),
        ParamSpec.Int("blocks", "time blocks for the collective (jump) diffusivity D_J; each must be long against correlation times", 10, min: 1),
    ];

    public static KmcSettings From(ParamValues p)
    {
        var compositions = p.FloatList("compositions");
        var temperatures = p.FloatList("temperatures");
        if (compositions.Length == 0) throw new ArgumentException("param 'compositions': needs at least one value");
        if (temperatures.Length == 0) throw new ArgumentException("param 'temperatures': needs at least one value");
        if (compositions.Distinct().Count() != compositions.Length) throw new ArgumentException("param 'compositions': values repeat");
        if (temperatures.Distinct().Count() != temperatures.Length) throw new ArgumentException("param 'temperatures': values repeat");
        var seedList = p.IntList("seed_list");
        if (seedList.Distinct().Count() != seedList.Length) throw new ArgumentException("param 'seed_list': seeds repeat");
        int blocks = p.Int32("blocks"), samples = p.Int32("samples");
        if (blocks > samples) throw new ArgumentException($"param 'blocks' ({blocks}) cannot exceed 'samples' ({samples})");
        return new KmcSettings
        {
            Formula = p.Has("formula") ? p.String("formula").Trim() : "",
            Compositions = compositions,
            Temperatures = temperatures,
            Size = p.Int32("size"),
            Seeds = seedList.Length > 0 ? seedList : Enumerable.Range(1, p.Int32("seeds")).Select(s => (long)s).ToArray(),
            Steps = p.Int("steps"),
            Time = p.Float("time"),
            Nu = p.Float("nu"),
            SynthesisTemperature = p.Float("synthesis_temperature"),
            SynthesisSweeps = p.Int32("synthesis_sweeps"),
            LatticeConstant = p.Float("lattice_constant"),
            Samples = samples,
            Blocks = blocks,
        };
    }

    /// <summary>Every (x, T, seed) run, in the fixed order of the output tables.</summary>
    public IReadOnlyList<KmcWorkItem> Items()
    {
        var items = new List<KmcWorkItem>();
        foreach (var x in Compositions)
            foreach (var t in Temperatures)
                foreach (var s in Seeds)
                    items.Add(new KmcWorkItem(items.Count, x, t, s));
        return items;
    }
}

/// <summary>One independent kMC run: a unit of work that can execute anywhere (a thread here, a batch job
/// elsewhere) and yields its own rows of the results and msd tables.</summary>
public sealed record KmcWorkItem(int Index, double X, double Temperature, long Seed)
{
    /// <summary>The run's random stream: derived from the seed and the values of x and T (not from positions in
    /// the lists), so adding a temperature leaves the other runs unchanged.</summary>
    public ulong RunSeed => Xoshiro256.Mix(
        (ulong)Seed, (ulong)BitConverter.DoubleToInt64Bits(X), (ulong)BitConverter.DoubleToInt64Bits(Temperature));
}
