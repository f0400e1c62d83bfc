using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Models;

/// <summary>The LassoCV settings a model was fitted with (the model JSON's "settings"), so a refit or a
/// cross-validation can repeat the fit exactly.</summary>
/// <param name="GroupColumn">Column grouping rows for grouped CV, or null.</param>
/// <param name="ExplicitAlphas">True when the alpha list was given rather than the automatic grid.</param>
public sealed record LassoSettings(
    int Cv, int NAlphas, double Eps, double Tol, int MaxIter, string? GroupColumn = null, bool ExplicitAlphas = false)
{
    public LassoCVOptions ToOptions(IReadOnlyList<double>? alphas = null, IReadOnlyList<double>? groups = null,
        int parallelism = 1) => new()
    {
        Folds = Cv,
        NAlphas = NAlphas,
        Eps = Eps,
        Tol = Tol,
        MaxIter = MaxIter,
        Alphas = alphas,
        Groups = groups,
        Parallelism = parallelism,
    };
}
