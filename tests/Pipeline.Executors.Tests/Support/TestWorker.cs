using Pipeline.Executors.Slurm;

namespace Pipeline.Executors.Tests.Support;

/// <summary>The worker command Slurm tasks run in these tests: this test assembly started by the dotnet host
/// (see <see cref="WorkerHost"/>).</summary>
public static class TestWorker
{
    public static IReadOnlyList<string> Command()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } h && File.Exists(h) ? h
            : Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p
            : "dotnet";
        return [host, "exec", typeof(WorkerHost).Assembly.Location];
    }

    /// <summary>The command as a YAML flow list for `worker:`.</summary>
    public static string Yaml() => "[" + string.Join(", ", Command().Select(w => "\"" + w.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"")) + "]";

    /// <summary>A top-level executor block: the given kind, fast polling, this test worker.</summary>
    public static string ExecutorBlock(string kind, string extra = "") => $"""
        executor:
          type: {kind}
          poll_interval: 0.2
          worker: {Yaml()}
        {extra}
        """;

    public static string QuoteForBash(string word) => SlurmJobScript.Quote(word);
}
