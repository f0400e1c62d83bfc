using System.CommandLine;

namespace Pipeline.Core.Stages;

/// <summary>What a stage project contributes to the tool: its stage types and its one-off commands
/// (e.g. <c>pipeline ingest</c>, <c>pipeline fit lasso</c>, <c>pipeline kmc</c>). The CLI lists the modules once.</summary>
public interface IPipelineModule
{
    IEnumerable<IStage> Stages { get; }
    IEnumerable<Command> Commands { get; }
}
