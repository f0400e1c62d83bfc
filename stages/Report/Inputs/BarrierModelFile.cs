using Pipeline.Contracts;
using System.Text.Json;

namespace Pipeline.Report.Inputs;

/// <summary>What the report shows of a model-*.json ("barrier-model/1", read by its one reader, Pipeline.Contracts'
/// BarrierModel): coefficients in physical units, the chosen alpha, the CV path and the CV error.</summary>
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
    IReadOnlyDictionary<string, string> Scalars,
    Pipeline.RockSalt.Chemistry Chemistry)
{
    /// <summary>Reads a model file through its contract (<see cref="BarrierModel"/>, "barrier-model/1"); the other
    /// top-level scalars are kept for the provenance listing.</summary>
    public static BarrierModelFile Load(string path, string fallbackTarget)
    {
        var model = BarrierModel.Load(path);
        using var doc = JsonFields.Parse(path);
        return new BarrierModelFile(
            model.Target.Length > 0 ? model.Target : fallbackTarget,
            [.. model.Features],
            model.CoefPhysical,
            model.CoefStandardized,
            model.InterceptPhysical,
            model.Alpha,
            model.Alphas,
            model.MsePathMean,
            model.CvRmse,
            model.TrainingDataHash,
            JsonFields.TopLevelScalars(doc.RootElement),
            model.Chemistry);
    }

    public int NonZeroCount => CoefPhysical?.Count(c => c != 0) ?? 0;
}
