using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Featurize.Stages;

namespace Pipeline.Featurize;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class FeaturizeModule : IPipelineModule
{
    private static readonly FeaturizeStage Featurize = new();
    private static readonly StandardizeStage Standardize = new();

    public IEnumerable<IStage> Stages => [Featurize, Standardize];

    public IEnumerable<Command> Commands(IStageHost host) => [StageCommand.Create(host, Featurize, "featurize")];
}
