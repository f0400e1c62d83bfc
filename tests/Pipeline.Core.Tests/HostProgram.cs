using Pipeline.Core.Execution;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;
using Pipeline.TestStages;

namespace Pipeline.Core.Tests;

/// <summary>Entry point when the test assembly is started as a process: `host-run WORKSPACE [LOCK_TIMEOUT_S]` runs the
/// workspace's pipeline with the test stages (crash-consistency and workspace-lock tests kill or block it).</summary>
public static class HostProgram
{
    public static int Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "host-run")
        {
            Console.Error.WriteLine("usage: host-run WORKSPACE [LOCK_TIMEOUT_SECONDS]");
            return 2;
        }
        var registry = StageRegistry.FromModules([TestModule.Standard(out _)]);
        var runner = new PipelineRunner(new Workspace(args[1]), registry, new PlainRunLog(Console.Out));
        var timeout = args.Length > 2 ? double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 60;
        try
        {
            return runner.Run(new RunOptions { LockTimeout = TimeSpan.FromSeconds(timeout) }).ExitCode;
        }
        catch (WorkspaceLockTimeoutException e)
        {
            Console.Error.WriteLine(e.Message);
            return ExitCodes.LockTimeout;
        }
    }
}
