using BenchmarkDotNet.Attributes;
using Pipeline.ClusterExpansion;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.RockSalt;
using Pipeline.RockSalt.Sampling;

namespace Pipeline.Benchmarks;

/// <summary>kMC events per second (one operation = one executed event: selection, clock, hop, impact-table update)
/// in cubic supercells of 4 L^3 cation sites, about 10^3 (L = 6), 10^4 (14), 10^5 (29) and 10^6 (63), at
/// Li(2-x)VO2F with x = 0.5 (1/6 of the cation sites vacant), random start, T = 600 K.
/// Barriers: "constant" (lattice gas, 0.3 eV); on the fly, KRA (10 descriptors) + dE from a CE:
/// "kra+ce-pairs" = a random CE with points and pairs to the 2nd cation shell; "kra+ce-fitted" = the KRA model and
/// CE the bundled pipeline fits (Assets/, copied from out/fit and out/ce: 25 of 50 ECIs non-zero, pairs to 1.45 a);
/// "kra+ce-full" = the ce-fit default cluster space with every ECI non-zero (the worst case); "kra-element+ce-fitted" =
/// a random KRA over the element-resolved descriptor set (DOMAIN.md section 10) with the bundled CE: the cost of
/// per-element descriptors in the hot loop.
/// Targets: 1e6 events/s constant, 2e5 on the fly, per-event cost flat (within 1.5x) from 10^3 to 10^6; no allocation.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*KmcBenchmarks*'</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class KmcBenchmarks
{
    private const int Events = 50_000;
    private KmcEngine _engine = null!;

    [Params(6, 14, 29, 63)]
    public int L { get; set; }

    [Params("constant", "kra+ce-pairs", "kra+ce-fitted", "kra+ce-full", "kra-element+ce-fitted")]
    public string Barriers { get; set; } = "constant";

    [GlobalSetup]
    public void Setup()
    {
        var cell = RockSaltSupercell.Cubic(L, 4.1);
        var composition = KmcComposition.For(RockSaltFormula.LiVOF, 0.5, cell.CationCount, cell.AnionCount);
        var (cations, anions) = StartingConfiguration.Random(composition, new Xoshiro256(2021));
        var lattice = new KmcLattice(cell, cations, anions);
        _engine = new KmcEngine(lattice, Provider(cell), 600, 1e13, 7);
        for (int k = 0; k < 5000; k++) _engine.Step(); // leave the freshly built state
    }

    private IBarrierProvider Provider(RockSaltSupercell cell)
    {
        if (Barriers == "constant") return new ConstantBarrier(0.3);
        string assets = Path.Combine(AppContext.BaseDirectory, "Assets");
        if (Barriers == "kra-element+ce-fitted")
        {
            var set = DescriptorSet.Create(DescriptorSet.ElementResolved, Chemistry.LiVOF);
            var random = new Random(5);
            var element = new LinearKraModel(0.3, Enumerable.Range(0, set.KraCount).Select(_ => 0.1 * random.NextDouble() - 0.05).ToArray(), set);
            return new OnTheFlyBarrier(element, new CeHopEnergy(CeModel.Load(Path.Combine(assets, "bundled-eci.json")), cell));
        }
        if (Barriers == "kra+ce-fitted")
        {
            return new OnTheFlyBarrier(KraModelAdapter.Load(Path.Combine(assets, "bundled-model-kra.json")),
                new CeHopEnergy(CeModel.Load(Path.Combine(assets, "bundled-eci.json")), cell));
        }
        var rng = new Random(5);
        var kra = new LinearKraModel(0.3, Enumerable.Range(0, HopDescriptors.KraCount).Select(_ => 0.1 * rng.NextDouble() - 0.05).ToArray());
        var space = ClusterSpace.Generate(Barriers == "kra+ce-full" ? [1.45, 0.75, 0.75] : [1.0]);
        var ce = new CeModel(space, 4.1, -2.0, space.Functions.Select(_ => 0.04 * rng.NextDouble() - 0.02).ToArray());
        return new OnTheFlyBarrier(kra, new CeHopEnergy(ce, cell));
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long Step()
    {
        for (int k = 0; k < Events; k++) _engine.Step();
        return _engine.Steps;
    }
}
