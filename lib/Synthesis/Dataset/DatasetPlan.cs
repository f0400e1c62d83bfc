using Pipeline.RockSalt;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>The kinds of planted faults (names as written to truth.yaml).</summary>
internal enum FaultKind
{
    TruncatedOutcar,
    MissingImage,
    ImagesMismatch,
}

internal static class FaultKindNames
{
    public static string Name(FaultKind k) => k switch
    {
        FaultKind.TruncatedOutcar => "truncated-outcar",
        FaultKind.MissingImage => "missing-image",
        _ => "images-mismatch",
    };
}

/// <summary>Everything decided about one NEB before any file is written.</summary>
internal sealed class HopPlan
{
    public required int Index { get; init; }
    /// <summary>Dataset-relative folder, e.g. neb/hop_0001.</summary>
    public required string CalcId { get; init; }
    public required SampledHop Hop { get; init; }
    public required HopBarrier Barrier { get; init; }
    /// <summary>Noisy end-point energies energy(sigma->0), eV.</summary>
    public required double InitialEnergy { get; init; }
    public required double FinalEnergy { get; init; }
    /// <summary>Intermediate images (the INCAR IMAGES value).</summary>
    public required int Images { get; init; }
    public required bool Gzip { get; init; }
    public FaultKind? Fault { get; set; }
    /// <summary>The image folder a fault concerns (the truncated OUTCAR's or the missing folder), 0 when none.</summary>
    public int FaultImage { get; set; }

    public EnergyProfile Profile => new(InitialEnergy, Barrier.Forward, FinalEnergy - InitialEnergy);
}

/// <summary>One relaxed random configuration for the cluster expansion.</summary>
internal sealed class SinglePointPlan
{
    public required int Index { get; init; }
    public required string CalcId { get; init; }
    public required Composition Composition { get; init; }
    public required byte[] Cations { get; init; }
    public required byte[] Anions { get; init; }
    /// <summary>Noise-free truth energy (eV).</summary>
    public required double TruthEnergy { get; init; }
    /// <summary>Energy written to the OUTCAR: truth + noise (eV).</summary>
    public required double Energy { get; init; }
    public required bool Gzip { get; init; }
}

/// <summary>The whole synthetic study as data: hops, single points and faults. Drawing it is cheap and needs no
/// disk, so tests can check it without writing files; <see cref="DatasetWriter"/> turns it into VASP folders.</summary>
internal sealed class DatasetPlan
{
    public required SynthesisSettings Settings { get; init; }
    /// <summary>The planted chemistry: species, formula, descriptor set and truth models.</summary>
    public required SynthesisChemistry Chemistry { get; init; }
    public required RockSaltSupercell Topology { get; init; }
    public required TruthClusterExpansion Ce { get; init; }
    public required HopSampler Sampler { get; init; }
    public required TruthBarrierModel Barriers { get; init; }
    public required IReadOnlyList<Composition> Compositions { get; init; }
    public required IReadOnlyList<HopPlan> Hops { get; init; }
    public required IReadOnlyList<SinglePointPlan> SinglePoints { get; init; }

    public static string HopId(int index) => $"neb/hop_{index + 1:D4}";
    public static string SinglePointId(int index) => $"sp/sp_{index + 1:D4}";

    public static DatasetPlan Draw(SynthesisSettings s)
    {
        s.Validate();
        var chemistry = SynthesisChemistry.Named(s.Chemistry);
        var topology = RockSaltSupercell.Primitive(s.Supercell[0], s.Supercell[1], s.Supercell[2], s.LatticeConstant);
        var ce = chemistry.CreateCe();
        var lattice = new TruthClusterExpansion.Lattice(topology);
        var sampler = new HopSampler(ce, lattice, chemistry.Descriptors);
        var barriers = chemistry.CreateBarriers(s.KraNoise, s.KraNoiseRelative);
        var compositions = s.Compositions.Select(x =>
        {
            var c = Composition.For(x, topology.CationCount, 0, chemistry.Formula);
            return c with { LatticeConstant = s.LatticeConstantAt(c.X) };
        }).ToArray();

        var hops = new HopPlan[s.Hops];
        for (int i = 0; i < s.Hops; i++)
        {
            var rng = SeededRandom.For(s.Seed, SeededRandom.Purpose.HopConfiguration, i);
            var composition = compositions[i % compositions.Length];
            var hop = sampler.Sample(composition, rng);
            double sigmaTotal = s.EnergyNoiseMevPerAtom * 1e-3 * composition.AtomCount;
            double e0 = hop.InitialEnergy + rng.Gaussian(sigmaTotal);
            double dE = hop.DeltaE + rng.Gaussian(s.DeltaENoise);
            var barrierRng = SeededRandom.For(s.Seed, SeededRandom.Purpose.HopBarrier, i);
            var barrier = barriers.Draw(hop.Descriptors, dE, barrierRng);
            var layoutRng = SeededRandom.For(s.Seed, SeededRandom.Purpose.FileLayout, i);
            hops[i] = new HopPlan
            {
                Index = i,
                CalcId = HopId(i),
                Hop = hop,
                Barrier = barrier,
                InitialEnergy = e0,
                FinalEnergy = e0 + dE,
                Images = s.Images[layoutRng.NextInt(s.Images.Length)],
                Gzip = layoutRng.NextDouble() < s.GzipFraction,
            };
        }
        PlantFaults(s, hops);

        var singles = new SinglePointPlan[s.SinglePoints];
        for (int i = 0; i < s.SinglePoints; i++)
        {
            var rng = SeededRandom.For(s.Seed, SeededRandom.Purpose.SinglePoint, i);
            var composition = compositions[i % compositions.Length];
            var (cations, anions) = composition.RandomConfiguration(rng);
            double truth = ce.TotalEnergy(lattice, cations, anions);
            singles[i] = new SinglePointPlan
            {
                Index = i,
                CalcId = SinglePointId(i),
                Composition = composition,
                Cations = cations,
                Anions = anions,
                TruthEnergy = truth,
                Energy = truth + rng.Gaussian(s.EnergyNoiseMevPerAtom * 1e-3 * composition.AtomCount),
                Gzip = rng.NextDouble() < s.GzipFraction,
            };
        }

        return new DatasetPlan
        {
            Settings = s,
            Chemistry = chemistry,
            Topology = topology,
            Ce = ce,
            Sampler = sampler,
            Barriers = barriers,
            Compositions = compositions,
            Hops = hops,
            SinglePoints = singles,
        };
    }

    /// <summary>round(fault_fraction * hops) distinct hops get a fault, the kinds in turn.</summary>
    private static void PlantFaults(SynthesisSettings s, HopPlan[] hops)
    {
        int count = (int)Math.Round(s.FaultFraction * hops.Length, MidpointRounding.AwayFromZero);
        if (count == 0) return;
        var rng = SeededRandom.For(s.Seed, SeededRandom.Purpose.Faults, 0);
        var order = Enumerable.Range(0, hops.Length).ToArray();
        rng.Shuffle<int>(order);
        var chosen = order.Take(count).Order().ToArray();
        var kinds = Enum.GetValues<FaultKind>();
        for (int k = 0; k < chosen.Length; k++)
        {
            var hop = hops[chosen[k]];
            hop.Fault = kinds[k % kinds.Length];
            hop.FaultImage = hop.Fault == FaultKind.ImagesMismatch ? 0 : 1 + rng.NextInt(hop.Images);
        }
    }
}
