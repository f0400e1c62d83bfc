using Pipeline.Contracts;

namespace Pipeline.Fitting.Regression;

/// <summary>Turns a model file's LassoCV settings back into the options that repeat the fit exactly.</summary>
public static class LassoSettingsOptions
{
    public static LassoCVOptions ToOptions(this LassoSettings settings, IReadOnlyList<double>? alphas = null,
        IReadOnlyList<double>? groups = null, int parallelism = 1) => new()
    {
        Folds = settings.Cv,
        NAlphas = settings.NAlphas,
        Eps = settings.Eps,
        Tol = settings.Tol,
        MaxIter = settings.MaxIter,
        Alphas = alphas,
        Groups = groups,
        Parallelism = parallelism,
    };
}
