using Pipeline.Abstractions;
using Pipeline.Core.Logging;

namespace Pipeline.Cli.Usage;

/// <summary>The run log of the command line: progress lines on standard output (none with --quiet), warnings and
/// errors on standard error, stack traces only with --verbose.</summary>
public sealed class CliRunLog(IRunLog main, IRunLog problems, OutputSettings settings) : IRunLog
{
    /// <summary>Progress to <paramref name="output"/> (live bars on a terminal), problems to <paramref name="error"/>.
    /// On a terminal whose standard error is the terminal too, problems go through the live display so they do not
    /// tear its bars.</summary>
    public static CliRunLog ForConsole(TextWriter output, TextWriter error, OutputSettings settings)
    {
        var main = RunLogs.ForConsole(output);
        var problems = main is TerminalRunLog && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected
            ? main
            : new PlainRunLog(error);
        return new CliRunLog(main, problems, settings);
    }

    public void Line(string message)
    {
        if (!settings.Quiet)
            main.Line(message);
    }

    public void Warn(string message) => problems.Warn(message);
    public void Error(string message) => problems.Error(message);

    public void Detail(string message)
    {
        if (settings.Verbose)
            problems.Line(message);
        else
            settings.DetailsHidden = true;
    }

    public IStageLog ForStage(string stage) => new StageLog(main.ForStage(stage), problems.ForStage(stage), settings);

    public T Live<T>(Func<T> work) => settings.Quiet ? work() : main.Live(work);

    public IDisposable Activity(string stage) => settings.Quiet ? Silent.Instance : main.Activity(stage);

    private sealed class StageLog(IStageLog main, IStageLog problems, OutputSettings settings) : IStageLog
    {
        public void Info(string message)
        {
            if (!settings.Quiet)
                main.Info(message);
        }

        public void Warn(string message) => problems.Warn(message);

        public IProgressTask Progress(string description, long total)
            => settings.Quiet ? Silent.Instance : main.Progress(description, total);
    }

    private sealed class Silent : IProgressTask
    {
        public static readonly Silent Instance = new();
        public void Increment(long by = 1)
        {
        }

        public void Status(string text)
        {
        }

        public void Dispose()
        {
        }
    }
}
