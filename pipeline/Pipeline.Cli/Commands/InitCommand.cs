using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;

namespace Pipeline.Cli.Commands;

public static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var dir = new Argument<string>("DIR") { Description = "Folder of the new workspace (created if needed)" };
        var data = new Option<string>("--data") { Description = "Folder holding your VASP NEB calculations", Required = true };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing pipeline.yaml" };
        var command = new Command("init", "Create a workspace whose pipeline.yaml runs the standard chain on your own VASP data") { dir, data, force };
        command.SetAction(parse => cli.Guard(() =>
        {
            var result = WorkspaceInitializer.Create(parse.GetValue(dir)!, parse.GetValue(data)!, cli.Registry, parse.GetValue(force));
            cli.Output.WriteLine($"wrote {result.ConfigPath} (data: {result.DataSource})");
            foreach (var note in result.Notes)
                cli.Output.WriteLine("note: " + note);
            cli.Output.WriteLine($"next: cd {parse.GetValue(dir)} && pipeline status && pipeline run");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
