using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Fitting.Commands;
using Pipeline.Fitting.Stages;

namespace Pipeline.Fitting;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class FittingModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new FitBarriersStage(), new ValidateStage(), new LassoTableStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [FitLassoCommand.Create(host)];
}
