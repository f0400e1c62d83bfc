using System.CommandLine;
using Pipeline.Core.Executors;
using Pipeline.Core.Logging;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline worker` (hidden): what each Slurm array task runs — one work item of a fan-out stage, resolved
/// from the workspace as the engine resolved it. Users never type it; the generated batch script does.</summary>
public static class WorkerCommand
{
    public static Command Create(CliContext cli)
    {
        var stage = new Option<string>("--stage") { Description = "Fan-out stage name", Required = true };
        var fingerprint = new Option<string>("--fingerprint") { Description = "The engine's fingerprint of the stage", Required = true };
        var item = new Option<int>("--item") { Description = "Index of the work item in the stage's plan", Required = true };
        var command = new Command("worker", "Run one work item of a fan-out stage (used by the slurm executor's batch script)")
        {
            stage, fingerprint, item,
        };
        command.Hidden = true;
        // Task.Run so that SIGTERM (scancel, time limit) cancels the item's token (see RunCommand).
        command.SetAction((parse, cancellation) => Task.Run(() => cli.Guard(() => FanOutWorker.Run(
            cli.Workspace(parse), cli.Registry,
            new FanOutWorker.Request(parse.GetValue(stage)!, parse.GetValue(fingerprint)!, parse.GetValue(item)),
            new PlainRunLog(cli.Output), cancellation)), CancellationToken.None));
        return command;
    }
}
