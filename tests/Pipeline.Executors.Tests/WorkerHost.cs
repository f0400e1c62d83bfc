using Pipeline.Cli;
using Pipeline.Executors.Tests.Support;

namespace Pipeline.Executors.Tests;

/// <summary>Entry point when Slurm starts the test assembly as a worker: `dotnet exec Pipeline.Executors.Tests.dll
/// worker --workspace WS --stage S --fingerprint FP --item I` runs the real command tree with the tool's stage
/// modules plus the test stage types.</summary>
public static class WorkerHost
{
    public static int Main(string[] args) => CommandTree.Invoke(args, ExecutorWorkspace.Modules(), Console.Out, Console.Error);
}
