using Pipeline.Synthesis.Model;

namespace Pipeline.Synthesis.Stage;

/// <summary>One generation of a synthetic study: draw the plan, project the truth, write the files and truth.yaml.</summary>
internal static class SynthesisRun
{
    public sealed record Summary(DatasetPlan Plan, TruthProjection.Result Projection);

    public static Summary Generate(SynthesisSettings settings, string datasetDirectory, string truthPath, int parallelism,
        CancellationToken cancellation = default, Action? onCalculationWritten = null)
    {
        var plan = DatasetPlan.Draw(settings);
        var projection = TruthProjection.Compute(plan.Sampler, plan.Barriers, plan.Compositions, settings.TruthSamples, settings.Seed, parallelism);
        DatasetWriter.Write(plan, datasetDirectory, parallelism, cancellation, onCalculationWritten);
        TruthYamlWriter.Write(truthPath, plan, projection);
        return new Summary(plan, projection);
    }
}
