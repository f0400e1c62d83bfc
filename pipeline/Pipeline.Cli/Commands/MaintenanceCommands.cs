using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;

namespace Pipeline.Cli.Commands;

public static class MaintenanceCommands
{
    public static Command Verify(CliContext cli)
    {
        var lockTimeout = LockTimeout();
        var command = new Command("verify", "Re-hash every store object; quarantine corrupt ones (the next run rebuilds them)") { lockTimeout };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            using var writerLock = WorkspaceLock.Acquire(workspace, TimeSpan.FromSeconds(parse.GetValue(lockTimeout)), cli.Error.WriteLine);
            var report = StoreVerifier.Verify(workspace);
            foreach (var c in report.Corrupt)
                cli.Output.WriteLine("CORRUPT  " + c);
            foreach (var m in report.MissingFromStore)
                cli.Output.WriteLine("MISSING  " + m);
            foreach (var s in report.StaleWorkingCopies)
                cli.Output.WriteLine("STALE    " + s + " (`pipeline run` rewrites it)");
            cli.Output.WriteLine(report.Ok
                ? $"verified {report.ObjectsChecked} objects: all intact"
                : $"verified {report.ObjectsChecked} objects: {report.Corrupt.Count} corrupt, {report.MissingFromStore.Count} missing; run `pipeline run` to rebuild");
            return report.Ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }));
        return command;
    }

    public static Command Gc(CliContext cli)
    {
        var prune = new Option<bool>("--prune-run-cache") { Description = "Also forget run-cache entries not in pipeline.lock (old param sets will recompute)" };
        var lockTimeout = LockTimeout();
        var command = new Command("gc", "Delete store objects that neither pipeline.lock nor the run-cache refers to") { prune, lockTimeout };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            using var writerLock = WorkspaceLock.Acquire(workspace, TimeSpan.FromSeconds(parse.GetValue(lockTimeout)), cli.Error.WriteLine);
            var report = GarbageCollector.Collect(workspace, parse.GetValue(prune));
            foreach (var f in report.FoldersRemoved)
                cli.Output.WriteLine("removed " + f);
            cli.Output.WriteLine($"removed {report.ObjectsRemoved} objects and {report.RunRecordsRemoved} run records, freed {report.BytesFreed / 1024.0:0.#} KiB");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Option<double> LockTimeout()
        => new("--lock-timeout") { Description = "Seconds to wait for a running `pipeline run`", DefaultValueFactory = _ => 60 };
}
