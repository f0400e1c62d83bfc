using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;

namespace Pipeline.Cli.Commands;

public static class StagesCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("stages", "List the stage types with their params and ports");
        command.SetAction(_ => cli.Guard(() =>
        {
            cli.Output.Write(StageCatalog.Describe(cli.Registry));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
