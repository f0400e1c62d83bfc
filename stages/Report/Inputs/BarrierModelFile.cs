using System.Text.Json;

namespace Pipeline.Report.Inputs;

/// <summary>What the report shows of a model-*.json ("barrier-model/1", docs/CONTRACTS.md): coefficients in physical
/// units, the chosen alpha, the CV path and the CV error. Fields that are absent stay null.</summary>
public sealed record BarrierModelFile(
    string Target,
    string[] Features,
    double[]? CoefPhysical,
    double[]? CoefStandardized,
    double? InterceptPhysical,
    double? Alpha,
    double[]? Alphas,
    double[]? MsePathMean,
    double? CvRmse,
    string? TrainingDataHash,
    IReadOnlyDictionary<string, string> Scalars)
{
    public static BarrierModelFile Load(string path, string fallbackTarget)
    {
        using var doc = JsonFields.Parse(path);
        var root = doc.RootElement;
        var features = JsonFields.Texts(root, "features") ?? [];
        var coefPhysical = JsonFields.Numbers(root, "coef_physical");
        var coefStandardized = JsonFields.Numbers(root, "coef_standardized");
        if (coefPhysical is not null && coefPhysical.Length != features.Length)
            throw new InvalidDataException($"{path}: coef_physical has {coefPhysical.Length} values for {features.Length} features");
        return new BarrierModelFile(
            JsonFields.Text(root, "target") ?? fallbackTarget,
            features,
            coefPhysical,
            coefStandardized?.Length == features.Length ? coefStandardized : null,
            JsonFields.Number(root, "intercept_physical"),
            JsonFields.Number(root, "alpha"),
            JsonFields.Numbers(root, "alphas"),
            JsonFields.RowMeans(root, "mse_path_mean", "mse_path"),
            JsonFields.Number(root, "cv_rmse"),
            JsonFields.Text(root, "training_data_hash"),
            JsonFields.TopLevelScalars(root));
    }

    public int NonZeroCount => CoefPhysical?.Count(c => c != 0) ?? 0;
}
