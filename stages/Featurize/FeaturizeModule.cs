using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Featurize;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class FeaturizeModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [];

    public IEnumerable<Command> Commands(IStageHost host) => [];
}
