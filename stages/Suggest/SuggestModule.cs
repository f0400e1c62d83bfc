using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Suggest.Stage;

namespace Pipeline.Suggest;

/// <summary>The stage types and one-off commands this project adds to the tool: stages <c>suggest</c> and
/// <c>suggest-bench</c>, commands <c>pipeline suggest run</c> and <c>pipeline suggest bench</c>.</summary>
public sealed class SuggestModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new SuggestStage(), new SuggestBenchStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [SuggestCommand.Create(host)];
}
