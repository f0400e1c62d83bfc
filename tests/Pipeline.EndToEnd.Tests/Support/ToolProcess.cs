using System.Diagnostics;

namespace Pipeline.EndToEnd.Tests;

/// <summary>Runs a program as a child process and captures its exit code and output; optionally as an unprivileged
/// user, so that permission tests mean something when the tests run as root (root ignores file modes): then the
/// child runs as nobody through setpriv.</summary>
public static class ToolProcess
{
    public sealed record Result(int Code, string Output, string Error)
    {
        public override string ToString() => $"exit {Code}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    /// <summary>The `pipeline` tool built next to this test assembly (the project reference copies it here).</summary>
    public static string PipelineDll => Path.Combine(AppContext.BaseDirectory, "pipeline.dll");

    public static bool IsRoot => Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    /// <summary>Why permission tests cannot run here, or null when they can.</summary>
    public static string? CannotDropPrivileges()
        => IsRoot && !File.Exists("/usr/bin/setpriv") ? "running as root without setpriv (util-linux) to drop privileges" : null;

    public static Result Pipeline(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, bool unprivileged, params string[] args)
        => Run("dotnet", [unprivileged && IsRoot ? ReachableByAll.Value : PipelineDll, .. args], workingDirectory, environment, unprivileged);

    /// <summary>The tool where nobody can read it: the build output itself when every folder above it lets others
    /// through (as in /work or /home/user), else a copy under the temporary folder (a checkout under /root is not).</summary>
    private static readonly Lazy<string> ReachableByAll = new(() =>
    {
        if (OperatingSystem.IsWindows())
            return PipelineDll;
        bool open = true;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null && open; d = d.Parent)
            open = (File.GetUnixFileMode(d.FullName) & UnixFileMode.OtherExecute) != 0;
        if (open)
            return PipelineDll;
        var copy = Path.Combine(Path.GetTempPath(), "pipeline-tool-for-nobody-" + Environment.ProcessId);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(copy, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(AppContext.BaseDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        foreach (var dir in Directory.EnumerateDirectories(copy, "*", SearchOption.AllDirectories).Prepend(copy))
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        return Path.Combine(copy, "pipeline.dll");
    });

    public static Result Run(string program, IReadOnlyList<string> args, string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null, bool unprivileged = false, int timeoutMs = 300_000)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (unprivileged && IsRoot)
        {
            start.FileName = "/usr/bin/setpriv";
            foreach (var a in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", program })
                start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["PIPELINE_PLAIN"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
            start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutMs))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {timeoutMs / 1000} s");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
