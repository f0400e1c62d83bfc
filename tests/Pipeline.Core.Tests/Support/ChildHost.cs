using System.Diagnostics;

namespace Pipeline.Core.Tests.Support;

/// <summary>Starts <see cref="HostProgram"/> in a separate process (a separate OS process is what kill -9 and the
/// workspace file lock are about).</summary>
public sealed class ChildHost : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private ChildHost(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static ChildHost Run(string workspace, double lockTimeoutSeconds = 60)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(HostProgram).Assembly.Location);
        start.ArgumentList.Add("host-run");
        start.ArgumentList.Add(workspace);
        start.ArgumentList.Add(lockTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ChildHost(Process.Start(start) ?? throw new InvalidOperationException("cannot start the child host"));
    }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    /// <summary>SIGKILL: no finally blocks, no flushing, like kill -9.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            throw new TimeoutException("child host did not finish:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public static void WaitForFile(string path, TimeSpan timeout, ChildHost? child = null)
    {
        var watch = Stopwatch.StartNew();
        while (!File.Exists(path))
        {
            if (watch.Elapsed > timeout)
                throw new TimeoutException($"{path} did not appear" + (child is null ? "" : ":\n" + child.Output));
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }
}
