using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Fitting;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class FittingModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [];

    public IEnumerable<Command> Commands(IStageHost host) => [];
}
