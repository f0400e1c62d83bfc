using Pipeline.Abstractions;

namespace Pipeline.ClusterExpansion.Stage;

/// <summary>Parameters of the ce-fit stage.</summary>
internal static class CeFitParams
{
    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.FloatList("cutoffs",
            "largest site distance per cluster size in units of a: [pairs, triplets, quadruplets]; the default pairs reach the " +
            "4th cation-cation and anion-anion shells and the 3rd cation-anion shell, triplets and quadruplets stay within NN",
            [1.45, 0.75, 0.75], min: 0, max: 3),
        ParamSpec.Enum("method", "regression of the ECIs", ["lasso", "ridge"], "lasso"),
        ParamSpec.Int("cv", "cross-validation folds", 5, min: 2),
        ParamSpec.Bool("group_endpoints", "keep both end points of one NEB in the same CV fold", true),
        ParamSpec.Int("n_alphas", "LassoCV alphas on the automatic grid", 100, min: 1),
        ParamSpec.Float("eps", "LassoCV alpha_min / alpha_max (small: composition dominates the energy variance)", 1e-6, min: 1e-12, max: 1),
        ParamSpec.Float("tol", "coordinate-descent duality-gap tolerance (scaled by the variance of y)", 1e-9, min: 0),
        ParamSpec.Int("max_iter", "coordinate-descent sweeps per alpha", 100000, min: 1),
        ParamSpec.FloatList("ridge_alphas", "ridge penalties tried by cross-validation",
            [1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1], min: 0),
        ParamSpec.Float("mapping_tolerance", "largest distance (Angstrom) of an atom from its ideal site", 0.4, min: 0),
        ParamSpec.Bool("skip_unmappable", "leave out (and report) structures that cannot be mapped instead of failing", false),
        ParamSpec.Int("truth_samples", "fresh random configurations for the comparison with truth.yaml", 200, min: 0),
        ParamSpec.Int("seed", "seed of the fresh random configurations", 7, min: 0, max: int.MaxValue),
        ParamSpec.String("mobile_ion", "the mobile cation (code 1 of the chemistry; Li, Na, ...)", "Li"),
        ParamSpec.StringList("cations",
            "pins the other (non-mobile) cations in code order; empty: inferred from the structures (alphabetical)", []),
        ParamSpec.StringList("anions", "pins the anions, host first; empty: inferred from the structures (most abundant first)", []),
        ParamSpec.String("substituent", "the anion the descriptors call F; empty: the minority anion", ""),
    ];

    /// <summary>The chemistry of the CE: pinned by cations/anions or inferred from the training structures.</summary>
    public static Pipeline.RockSalt.Chemistry Chemistry(ParamValues p, Table structures)
    {
        string substituent = p.String("substituent");
        return TrainingSet.ChemistryOf(structures, p.String("mobile_ion"), p.StringList("cations"), p.StringList("anions"),
            substituent.Length == 0 ? null : substituent);
    }

    public static EciFitOptions FitOptions(ParamValues p, IReadOnlyList<string>? groups, int parallelism) => new()
    {
        Method = p.String("method"),
        Folds = p.Int32("cv"),
        NAlphas = p.Int32("n_alphas"),
        Eps = p.Float("eps"),
        Tol = p.Float("tol"),
        MaxIter = p.Int32("max_iter"),
        RidgeAlphas = p.FloatList("ridge_alphas"),
        Groups = p.Bool("group_endpoints") ? groups : null,
        Parallelism = parallelism,
    };
}
