using System.CommandLine;
using Pipeline.Cli.Templates;
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
            var directory = parse.GetValue(dir)!;
            var result = WorkspaceInitializer.Create(directory, parse.GetValue(data)!, WorkspaceTemplate.Text(), cli.Registry, parse.GetValue(force));
            cli.Output.WriteLine($"wrote {result.ConfigPath} (data: {result.DataSource})");
            foreach (var note in result.Notes)
                cli.Error.WriteLine("warning: " + note);
            foreach (var line in NextStep.For(directory, "run"))
                cli.Output.WriteLine(line);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
