using Pipeline.Cli.Usage;
using Pipeline.Core.Config;
using Pipeline.Core.Execution;

namespace Pipeline.Cli.Commands;

/// <summary>Stage names given to `run` and `status`, checked before anything runs, with the closest names suggested.</summary>
public static class StageTargets
{
    public static void Check(PipelineRunner runner, IReadOnlyList<string> targets, IReadOnlyList<string>? sets = null)
    {
        if (targets.Count == 0)
            return;
        var pipeline = runner.Load(sets);
        var names = pipeline.Stages.Select(s => s.Name).ToList();
        var errors = targets.Where(t => !pipeline.Contains(t))
            .Select(t => new ConfigError(t, $"no stage '{t}' in {pipeline.Spec.FileName}{DidYouMean.Hint(t, names)} (stages: {string.Join(", ", names)})"))
            .ToList();
        if (errors.Count > 0)
            throw new ConfigException(errors);
    }
}
