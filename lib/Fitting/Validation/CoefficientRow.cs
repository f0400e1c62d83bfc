namespace Pipeline.Fitting.Validation;

/// <summary>One row of the coefficients table: a fitted coefficient (or the intercept) with its bootstrap
/// interval, and the truth value when the dataset is synthetic.</summary>
public sealed record CoefficientRow(
    string Model, string Feature, double CoefStandardized, double CoefPhysical,
    double CiLowStandardized, double CiHighStandardized, double CiLowPhysical, double CiHighPhysical,
    double SelectedFraction, double? Truth)
{
    public const string InterceptName = "(intercept)";

    public bool TruthInsideCi => Truth is { } t && t >= CiLowPhysical && t <= CiHighPhysical;
}
