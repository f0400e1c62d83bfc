using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Kmc.Stage;

namespace Pipeline.Kmc;

/// <summary>The stage types and one-off commands this project adds to the tool: the <c>kmc</c> stage and
/// <c>pipeline kmc</c>.</summary>
public sealed class KmcModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new KmcStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [StageCommand.Create(host, new KmcStage(), "kmc")];
}
