using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Synthesis.Stage;

/// <summary>The validated parameters of a synthetic study (see <see cref="Specs"/> for meaning and defaults).</summary>
internal sealed record SynthesisSettings
{
    public long Seed { get; init; } = 2021;
    public int Hops { get; init; } = 240;
    public int SinglePoints { get; init; } = 200;
    public double[] Compositions { get; init; } = [0.0625, 0.25, 0.5, 1.0];
    public int[] Supercell { get; init; } = [3, 4, 4];
    public double LatticeConstant { get; init; } = 4.12;
    public double LatticeSlope { get; init; } = -0.04;
    public int[] Images { get; init; } = [5, 7];
    public double FaultFraction { get; init; } = 0.03;
    public double GzipFraction { get; init; } = 0.5;
    public double EnergyNoiseMevPerAtom { get; init; } = 2;
    public double DeltaENoise { get; init; } = 0.01;
    public double KraNoise { get; init; } = 0.01;
    public double KraNoiseRelative { get; init; } = 0.03;
    public int IonicSteps { get; init; } = 3;
    public double DisplacementSigma { get; init; } = 0.05;
    public int TruthSamples { get; init; } = 20000;

    private static readonly SynthesisSettings s_defaults = new();

    /// <summary>Lattice constant a(x) = lattice_constant + lattice_slope * x (Vegard-like: the cell shrinks as Li leaves).</summary>
    public double LatticeConstantAt(double x) => Math.Round(LatticeConstant + LatticeSlope * x, 6);

    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.Int("seed", "master seed; the same seed gives byte-identical files", s_defaults.Seed),
        ParamSpec.Int("hops", "number of NEB calculations (single Li hops)", s_defaults.Hops, 1, 100000),
        ParamSpec.Int("single_points", "number of relaxed random configurations for the cluster expansion", s_defaults.SinglePoints, 0, 100000),
        ParamSpec.FloatList("compositions", "x values of Li(2-x)VO2F, used round-robin (rounded to whole vacancies)",
            s_defaults.Compositions, 0, 2),
        ParamSpec.IntList("supercell", "multiples of the fcc primitive cell (3 values; their product must be a multiple of 3)",
            [.. s_defaults.Supercell.Select(v => (long)v)], 1, 12),
        ParamSpec.Float("lattice_constant", "conventional cubic edge a at x = 0 (Angstrom)", s_defaults.LatticeConstant, 3, 6),
        ParamSpec.Float("lattice_slope", "da/dx (Angstrom per x): a(x) = lattice_constant + lattice_slope * x", s_defaults.LatticeSlope, -1, 1),
        ParamSpec.IntList("images", "intermediate image counts to draw from (odd, so the middle image is the saddle)",
            [.. s_defaults.Images.Select(v => (long)v)], 1, 15),
        ParamSpec.Float("fault_fraction", "fraction of NEBs written with a planted fault (truncated OUTCAR, missing image, wrong IMAGES)",
            s_defaults.FaultFraction, 0, 1),
        ParamSpec.Float("gzip_fraction", "fraction of calculations whose OUTCARs are gzipped", s_defaults.GzipFraction, 0, 1),
        ParamSpec.Float("energy_noise_mev_per_atom", "Gaussian noise on total energies (meV per atom)", s_defaults.EnergyNoiseMevPerAtom, 0, 100),
        ParamSpec.Float("delta_e_noise", "Gaussian noise on a hop's E_final - E_initial (eV; end points share most DFT error)",
            s_defaults.DeltaENoise, 0, 1),
        ParamSpec.Float("kra_noise", "KRA noise sigma at zero barrier (eV)", s_defaults.KraNoise, 0, 1),
        ParamSpec.Float("kra_noise_relative", "growth of the KRA noise sigma per eV of barrier", s_defaults.KraNoiseRelative, 0, 1),
        ParamSpec.Int("ionic_steps", "ionic steps written per OUTCAR", s_defaults.IonicSteps, 1, 50),
        ParamSpec.Float("displacement_sigma", "relaxation displacement sigma per component (Angstrom)", s_defaults.DisplacementSigma, 0, 0.12),
        ParamSpec.Int("truth_samples", "generated hops (not written) for the linear truth projection", s_defaults.TruthSamples, 100, 10000000),
    ];

    public static SynthesisSettings From(ParamValues p)
    {
        var s = new SynthesisSettings
        {
            Seed = p.Int("seed"),
            Hops = p.Int32("hops"),
            SinglePoints = p.Int32("single_points"),
            Compositions = p.FloatList("compositions"),
            Supercell = p.IntList("supercell").Select(v => checked((int)v)).ToArray(),
            LatticeConstant = p.Float("lattice_constant"),
            LatticeSlope = p.Float("lattice_slope"),
            Images = p.IntList("images").Select(v => checked((int)v)).ToArray(),
            FaultFraction = p.Float("fault_fraction"),
            GzipFraction = p.Float("gzip_fraction"),
            EnergyNoiseMevPerAtom = p.Float("energy_noise_mev_per_atom"),
            DeltaENoise = p.Float("delta_e_noise"),
            KraNoise = p.Float("kra_noise"),
            KraNoiseRelative = p.Float("kra_noise_relative"),
            IonicSteps = p.Int32("ionic_steps"),
            DisplacementSigma = p.Float("displacement_sigma"),
            TruthSamples = p.Int32("truth_samples"),
        };
        s.Validate();
        return s;
    }

    /// <summary>Checks what the param ranges cannot; messages name the param.</summary>
    public void Validate()
    {
        if (Supercell.Length != 3)
            throw new ArgumentException($"supercell: expected 3 values, got {Supercell.Length}");
        if (Supercell[0] * Supercell[1] * Supercell[2] % 3 != 0)
            throw new ArgumentException(
                $"supercell: {string.Join("x", Supercell)} has {Supercell[0] * Supercell[1] * Supercell[2]} cation sites, not a multiple of 3 (whole Li(2-x)VO2F formula units)");
        if (Compositions.Length == 0) throw new ArgumentException("compositions: the list is empty");
        if (Images.Length == 0) throw new ArgumentException("images: the list is empty");
        foreach (int n in Images)
            if (n % 2 == 0)
                throw new ArgumentException($"images: {n} is even; use odd counts so the middle image sits at the saddle");
        foreach (double x in Compositions)
            if (x <= 0 || x >= 2)
                throw new ArgumentException($"compositions: x = {x.ToString(CultureInfo.InvariantCulture)} is outside (0, 2)");
    }
}
