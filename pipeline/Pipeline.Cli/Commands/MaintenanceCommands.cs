using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;

namespace Pipeline.Cli.Commands;

public static class MaintenanceCommands
{
    public static Command Verify(CliContext cli)
    {
        var raw = new Option<bool>("--raw")
        {
            Description = "Also re-hash every raw input pipeline.lock names, bypassing the (path, size, mtime) hash cache; report and drop wrong cache entries",
        };
        var lockTimeout = LockTimeout();
        var command = new Command("verify", "Re-hash every store object; quarantine corrupt ones (the next run rebuilds them)") { raw, lockTimeout };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            using var writerLock = WorkspaceLock.Acquire(workspace, TimeSpan.FromSeconds(parse.GetValue(lockTimeout)), cli.Error.WriteLine);
            var report = StoreVerifier.Verify(workspace);
            foreach (var c in report.Corrupt)
                cli.Output.WriteLine("CORRUPT  " + c);
            foreach (var m in report.MissingFromStore)
                cli.Output.WriteLine("MISSING  " + m);
            foreach (var m in report.LockMismatches)
                cli.Output.WriteLine("MISMATCH " + m + " (`pipeline run` restores or re-runs the stage)");
            foreach (var s in report.StaleWorkingCopies)
                cli.Output.WriteLine("STALE    " + s + " (`pipeline run` rewrites it)");
            bool ok = report.Ok;
            if (parse.GetValue(raw))
            {
                var rawReport = StoreVerifier.VerifyRaw(workspace);
                foreach (var m in rawReport.CacheMismatches)
                    cli.Output.WriteLine("RAW      " + m);
                foreach (var c in rawReport.ChangedInputs)
                    cli.Output.WriteLine("CHANGED  " + c);
                cli.Output.WriteLine($"re-hashed {rawReport.FilesHashed} raw input files: "
                                     + (rawReport.Ok ? "the hash cache was right" : $"{rawReport.CacheMismatches.Count} changed behind the hash cache"));
                ok &= rawReport.Ok;
            }
            cli.Output.WriteLine(report.Ok
                ? $"verified {report.ObjectsChecked} objects: all intact"
                : $"verified {report.ObjectsChecked} objects: {report.Corrupt.Count} corrupt, {report.MissingFromStore.Count} missing, "
                  + $"{report.LockMismatches.Count} lock outputs not produced by their stage; run `pipeline run` to rebuild");
            return ok ? ExitCodes.Ok : ExitCodes.VerificationFailed;
        }));
        return command;
    }

    public static Command Gc(CliContext cli)
    {
        var prune = new Option<bool>("--prune-run-cache") { Description = "Also forget run-cache entries not in pipeline.lock (old param sets will recompute)" };
        var force = new Option<bool>("--force") { Description = "Delete even when pipeline.lock is missing or references nothing (empties the store)" };
        var lockTimeout = LockTimeout();
        var command = new Command("gc", "Delete store objects that neither pipeline.lock nor the run-cache refers to") { prune, force, lockTimeout };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            using var writerLock = WorkspaceLock.Acquire(workspace, TimeSpan.FromSeconds(parse.GetValue(lockTimeout)), cli.Error.WriteLine);
            var report = GarbageCollector.Collect(workspace, parse.GetValue(prune), parse.GetValue(force));
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
