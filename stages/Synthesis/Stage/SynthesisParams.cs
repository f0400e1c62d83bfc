using Pipeline.Abstractions;
using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>The synthesize stage's params: declared once here (the engine validates pipeline.yaml and the one-off
/// command against them) and read into <see cref="SynthesisSettings"/>.</summary>
internal static class SynthesisParams
{
    private static readonly SynthesisSettings Defaults = new();

    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.Enum("chemistry", "planted chemistry: LiVOF = Li(2-x)VO2F (the bundled study), LiMnTiOF = Li(1.2-x)Mn0.4Ti0.4O1.8F0.2, " +
            "LiMnNbOF = Li(1.3-x)Mn0.4Nb0.3O1.7F0.3 (multi-TM: element-resolved truth; need a supercell of 10n cation sites, e.g. [3, 4, 5])",
            [.. SynthesisChemistry.Names], Defaults.Chemistry),
        ParamSpec.Int("seed", "master seed; the same seed gives byte-identical files", Defaults.Seed),
        ParamSpec.Int("hops", "number of NEB calculations (single Li hops)", Defaults.Hops, 1, 100000),
        ParamSpec.Int("single_points", "number of relaxed random configurations for the cluster expansion", Defaults.SinglePoints, 0, 100000),
        ParamSpec.FloatList("compositions", "x values (vacancies per formula unit, e.g. of Li(2-x)VO2F), used round-robin (rounded to whole vacancies)",
            Defaults.Compositions, 0, 2),
        ParamSpec.IntList("supercell", "multiples of the fcc primitive cell (3 values; their product = cation sites must hold whole formula units: a multiple of 3 for LiVOF, of 10 for LiMnTiOF and LiMnNbOF)",
            [.. Defaults.Supercell.Select(v => (long)v)], 1, 12),
        ParamSpec.Float("lattice_constant", "conventional cubic edge a at x = 0 (Angstrom)", Defaults.LatticeConstant, 3, 6),
        ParamSpec.Float("lattice_slope", "da/dx (Angstrom per x): a(x) = lattice_constant + lattice_slope * x", Defaults.LatticeSlope, -1, 1),
        ParamSpec.IntList("images", "intermediate image counts to draw from (odd, so the middle image is the saddle)",
            [.. Defaults.Images.Select(v => (long)v)], 1, 15),
        ParamSpec.Float("fault_fraction", "fraction of NEBs written with a planted fault (truncated OUTCAR, missing image, wrong IMAGES)",
            Defaults.FaultFraction, 0, 1),
        ParamSpec.Float("gzip_fraction", "fraction of calculations whose OUTCARs are gzipped", Defaults.GzipFraction, 0, 1),
        ParamSpec.Float("energy_noise_mev_per_atom", "Gaussian noise on total energies (meV per atom)", Defaults.EnergyNoiseMevPerAtom, 0, 100),
        ParamSpec.Float("delta_e_noise", "Gaussian noise on a hop's E_final - E_initial (eV; end points share most DFT error)",
            Defaults.DeltaENoise, 0, 1),
        ParamSpec.Float("kra_noise", "KRA noise sigma at zero barrier (eV)", Defaults.KraNoise, 0, 1),
        ParamSpec.Float("kra_noise_relative", "growth of the KRA noise sigma per eV of barrier", Defaults.KraNoiseRelative, 0, 1),
        ParamSpec.Int("ionic_steps", "ionic steps written per OUTCAR", Defaults.IonicSteps, 1, 50),
        ParamSpec.Float("displacement_sigma", "relaxation displacement sigma per component (Angstrom)", Defaults.DisplacementSigma, 0, 0.12),
        ParamSpec.Int("truth_samples", "generated hops (not written) for the linear truth projection", Defaults.TruthSamples, 100, 10000000),
    ];

    public static SynthesisSettings Read(ParamValues p)
    {
        var s = new SynthesisSettings
        {
            Chemistry = p.String("chemistry"),
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
}
