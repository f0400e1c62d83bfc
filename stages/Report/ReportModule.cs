using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Report;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class ReportModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new ReportStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [ReportCommand.Create(host)];
}
