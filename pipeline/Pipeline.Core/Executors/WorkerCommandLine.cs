using System.Reflection;

namespace Pipeline.Core.Executors;

/// <summary>The command line that starts this tool on a compute node (before the <c>worker</c> arguments).</summary>
public static class WorkerCommandLine
{
    /// <summary>The running tool's own command line: <c>dotnet /path/pipeline.dll</c> when started through the dotnet
    /// host (a local or global dotnet tool), the executable itself otherwise (an apphost or self-contained build).
    /// Right only when the nodes see the same paths; otherwise set <c>worker:</c> in the executor options.</summary>
    public static IReadOnlyList<string> Default()
    {
        var process = Environment.ProcessPath ?? "dotnet";
        var name = Path.GetFileNameWithoutExtension(process);
        var entry = Assembly.GetEntryAssembly()?.Location;
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(entry))
            return [process, entry];
        return [process];
    }
}
