using Pipeline.Abstractions;

namespace Pipeline.Suggest.Stage;

/// <summary>Parameters of the suggest stage.</summary>
internal static class SuggestParams
{
    public static readonly string[] Strategies = ["uncertainty", "diversity", "random"];

    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.FloatList("compositions", "x values of Li(2-x)VO2F to draw candidate hops at", [0.25, 0.5, 1.0], min: 0, max: 2),
        ParamSpec.IntList("supercell", "supercell as multiples of the fcc primitive cell (the synthesizer's convention: 3,4,4 = 48 cation sites)", [3, 4, 4], min: 1, max: 64),
        ParamSpec.Float("lattice_constant", "conventional cubic edge a in Angstrom; 0 takes the CE model's", 0.0, min: 0),
        ParamSpec.Float("synthesis_temperature", "canonical Monte Carlo temperature (K) the candidate configurations are equilibrated at", 1200.0, min: 0),
        ParamSpec.Int("equilibration_sweeps", "Monte Carlo sweeps before the first snapshot", 200, min: 0),
        ParamSpec.Int("sweeps_between_snapshots", "Monte Carlo sweeps between two snapshots", 20, min: 1),
        ParamSpec.Int("snapshots", "equilibrated snapshots per composition", 4, min: 1),
        ParamSpec.Int("hops_per_snapshot", "candidate Li-vacancy hops drawn per snapshot (0: all)", 50, min: 0),
        ParamSpec.Enum("strategy", "how the batch is chosen", Strategies, "uncertainty"),
        ParamSpec.Int("batch_size", "NEB calculations to suggest", 8, min: 1, max: 1000),
        ParamSpec.Int("replicates", "bootstrap replicates of the barrier model", 32, min: 2, max: 10_000),
        ParamSpec.Bool("refit_alpha", "bootstrap with a full LassoCV per replicate instead of the model's alpha", false),
        ParamSpec.Float("distance_weight", "eV per unit of standardized distance to the training data added to the bootstrap spread", 0.05, min: 0),
        ParamSpec.Float("density_exponent", "information density: multiply the score by the share of candidates within min_distance to this power (0: off)", 0.0, min: 0, max: 10),
        ParamSpec.Float("min_distance", "smallest standardized descriptor distance between two suggestions (uncertainty strategy)", 1.0, min: 0),
        ParamSpec.Int("images", "intermediate NEB images (IMAGES in the INCAR)", 5, min: 1, max: 99),
        ParamSpec.Enum("interpolation", "image placement: linear, or path (the Li bent through the predicted tetrahedron)", ["linear", "path"], "linear"),
        ParamSpec.Int("seed", "seed of the Monte Carlo, the hop draws, the bootstrap and the random strategy", 1, min: 0, max: int.MaxValue),
    ];
}
