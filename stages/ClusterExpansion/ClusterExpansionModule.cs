using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.ClusterExpansion.Stage;

namespace Pipeline.ClusterExpansion;

/// <summary>The stage types and one-off commands this project adds to the tool: stage <c>ce-fit</c> and
/// <c>pipeline ce fit</c>.</summary>
public sealed class ClusterExpansionModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new CeFitStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [new Command("ce", "cluster expansion one-off commands") { StageCommand.Create(host, new CeFitStage(), "fit") }];
}
