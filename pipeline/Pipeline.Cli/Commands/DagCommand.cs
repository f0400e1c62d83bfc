using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Graph;

namespace Pipeline.Cli.Commands;

public static class DagCommand
{
    public static Command Create(CliContext cli)
    {
        var mermaid = new Option<bool>("--mermaid") { Description = "Print a Mermaid flowchart instead of text" };
        var command = new Command("dag", "Show the stage graph") { mermaid };
        command.SetAction(parse => cli.Guard(() =>
        {
            var pipeline = new PipelineRunner(cli.Workspace(parse), cli.Registry, cli.Log()).Load();
            cli.Output.Write(parse.GetValue(mermaid) ? GraphRenderer.Mermaid(pipeline) : GraphRenderer.Text(pipeline));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
