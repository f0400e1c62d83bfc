using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.MdTransport.Stage;

namespace Pipeline.MdTransport;

/// <summary>The <c>md-transport</c> stage and its one-off command <c>pipeline md-transport</c>.</summary>
public sealed class MdTransportModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new MdTransportStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [MdTransportCommand.Create(host)];
}
