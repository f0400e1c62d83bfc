using Pipeline.Cli;
using Pipeline.Cluster.Tests.Support;

namespace Pipeline.Cluster.Tests;

/// <summary>Entry point when Slurm starts the test assembly as a worker: `dotnet exec Pipeline.Cluster.Tests.dll
/// worker --workspace WS --stage S --fingerprint FP --item I` runs the real command tree with the tool's stage
/// modules plus the test stage types.</summary>
public static class WorkerHost
{
    public static int Main(string[] args) => CommandTree.Invoke(args, ClusterWorkspace.Modules(), Console.Out, Console.Error);
}
