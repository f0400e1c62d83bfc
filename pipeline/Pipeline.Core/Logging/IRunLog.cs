using Pipeline.Abstractions;

namespace Pipeline.Core.Logging;

/// <summary>Where the engine reports: plain lines always (stage start, finish, skip, with durations), plus live
/// progress bars when attached to a terminal.</summary>
public interface IRunLog
{
    void Line(string message);
    void Warn(string message);
    void Error(string message);

    /// <summary>Diagnostics only worth showing on request (stack traces of unexpected failures): the command line
    /// prints them with --verbose; by default they are dropped.</summary>
    void Detail(string message)
    {
    }

    /// <summary>The log a stage instance writes to (prefixes its name).</summary>
    IStageLog ForStage(string stage);

    /// <summary>Runs <paramref name="work"/> inside the live display (if any).</summary>
    T Live<T>(Func<T> work);

    /// <summary>Shows that a stage is running until disposed.</summary>
    IDisposable Activity(string stage);
}

/// <summary>Chooses the log for the current console: Spectre progress on a terminal, plain lines otherwise.</summary>
public static class RunLogs
{
    public static IRunLog ForConsole(TextWriter output)
        => !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out) && Environment.GetEnvironmentVariable("PIPELINE_PLAIN") is null
            ? new TerminalRunLog()
            : new PlainRunLog(output);
}
