using System.Globalization;
using Pipeline.Abstractions;
using Spectre.Console;

namespace Pipeline.Core.Logging;

/// <summary>Spectre.Console progress bars (one per running stage and per stage progress task) with the same plain
/// lines printed above them.</summary>
public sealed class TerminalRunLog : IRunLog
{
    private readonly object _gate = new();
    private ProgressContext? _context;

    public void Line(string message) => Write(message, null);
    public void Warn(string message) => Write("warning: " + message, "yellow");
    public void Error(string message) => Write("error: " + message, "red");

    public IStageLog ForStage(string stage) => new StageLog(this, stage);

    public T Live<T>(Func<T> work)
    {
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                _context = ctx;
                try
                {
                    result = work();
                }
                finally
                {
                    _context = null;
                }
            });
        return result;
    }

    public IDisposable Activity(string stage)
    {
        var ctx = _context;
        if (ctx is null)
            return new Done(null);
        ProgressTask task;
        lock (_gate)
        {
            task = ctx.AddTask(Markup.Escape(stage));
            task.IsIndeterminate = true;
        }
        return new Done(task);
    }

    private void Write(string message, string? color)
    {
        var line = $"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {message}";
        // A line the terminal wraps throws the live display's cursor arithmetic off: cut it at the width instead
        // (plain logs, e.g. with output redirected, keep whole lines).
        int width = Math.Max(20, AnsiConsole.Profile.Width - 1);
        if (_context is not null && line.Length > width)
            line = line[..(width - 1)] + "…";
        var text = Markup.Escape(line);
        lock (_gate)
            AnsiConsole.MarkupLine(color is null ? text : $"[{color}]{text}[/]");
    }

    private sealed class StageLog(TerminalRunLog log, string stage) : IStageLog
    {
        public void Info(string message) => log.Write($"{stage}: {message}", null);
        public void Warn(string message) => log.Write($"{stage}: warning: {message}", "yellow");

        public IProgressTask Progress(string description, long total)
        {
            var ctx = log._context;
            if (ctx is null)
                return new PlainTask(log, $"{stage}: {description}");
            lock (log._gate)
                return new BarTask(ctx.AddTask(Markup.Escape($"{stage}: {description}"), maxValue: Math.Max(total, 1)), description);
        }
    }

    private sealed class BarTask(ProgressTask task, string description) : IProgressTask
    {
        public void Increment(long by = 1) => task.Increment(by);
        public void Status(string text) => task.Description = Markup.Escape($"{description} {text}");
        public void Dispose() => task.StopTask();
    }

    private sealed class PlainTask(TerminalRunLog log, string description) : IProgressTask
    {
        public void Increment(long by = 1)
        {
        }

        public void Status(string text)
        {
        }

        public void Dispose() => log.Line($"{description}: done");
    }

    private sealed class Done(ProgressTask? task) : IDisposable
    {
        public void Dispose() => task?.StopTask();
    }
}
