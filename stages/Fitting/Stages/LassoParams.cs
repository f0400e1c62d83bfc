using Pipeline.Abstractions;
using Pipeline.Contracts;

namespace Pipeline.Fitting.Stages;

/// <summary>The LassoCV parameters shared by the fitting stages (defaults are scikit-learn's).</summary>
internal static class LassoParams
{
    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.Int("cv", "cross-validation folds (contiguous KFold, or GroupKFold with group_column)", 5, min: 2),
        ParamSpec.Int("n_alphas", "number of alphas on the automatic grid", 100, min: 1),
        ParamSpec.Float("eps", "alpha_min / alpha_max of the automatic grid", 1e-3, min: 1e-12, max: 1),
        ParamSpec.Float("tol", "coordinate-descent tolerance (duality gap relative to y'y)", 1e-4, min: 0),
        ParamSpec.Int("max_iter", "maximum coordinate-descent sweeps per alpha", 1000, min: 1),
        ParamSpec.FloatList("alphas", "explicit alpha list (empty: the automatic grid)", [], min: 0),
        ParamSpec.String("group_column", "column whose values group rows for grouped CV, e.g. x (empty: plain KFold)", ""),
    ];

    /// <summary>The settings and the explicit alpha list (null for the automatic grid).</summary>
    public static (LassoSettings Settings, double[]? Alphas) Read(ParamValues p)
    {
        var alphas = p.FloatList("alphas");
        string group = p.String("group_column");
        var settings = new LassoSettings(p.Int32("cv"), p.Int32("n_alphas"), p.Float("eps"), p.Float("tol"),
            p.Int32("max_iter"), group.Length == 0 ? null : group, alphas.Length > 0);
        return (settings, alphas.Length > 0 ? alphas : null);
    }
}
