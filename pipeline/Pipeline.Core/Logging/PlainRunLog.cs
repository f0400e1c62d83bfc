using System.Diagnostics;
using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Core.Logging;

/// <summary>Timestamped plain lines (for redirected output, CI logs and tests). Progress tasks log a line at
/// start, at each quarter when they take a while, and at the end.</summary>
public sealed class PlainRunLog(TextWriter output) : IRunLog
{
    private readonly object _gate = new();

    public void Line(string message) => Write(message);
    public void Warn(string message) => Write("warning: " + message);
    public void Error(string message) => Write("error: " + message);

    public IStageLog ForStage(string stage) => new StageLog(this, stage);

    public T Live<T>(Func<T> work) => work();

    public IDisposable Activity(string stage) => Nothing.Instance;

    private void Write(string message)
    {
        lock (_gate)
        {
            output.WriteLine($"{DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} {message}");
            output.Flush();
        }
    }

    private sealed class StageLog(PlainRunLog log, string stage) : IStageLog
    {
        public void Info(string message) => log.Write($"{stage}: {message}");
        public void Warn(string message) => log.Write($"{stage}: warning: {message}");
        public IProgressTask Progress(string description, long total) => new PlainProgress(log, $"{stage}: {description}", total);
    }

    private sealed class PlainProgress : IProgressTask
    {
        private readonly PlainRunLog _log;
        private readonly string _description;
        private readonly long _total;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private long _done;
        private int _quarter;
        private string? _status;

        public PlainProgress(PlainRunLog log, string description, long total)
        {
            _log = log;
            _description = description;
            _total = Math.Max(total, 1);
            log.Write($"{description}: started ({total})");
        }

        public void Increment(long by = 1)
        {
            var done = Interlocked.Add(ref _done, by);
            int quarter = (int)Math.Min(4, done * 4 / _total);
            if (quarter > _quarter && quarter < 4 && _watch.Elapsed > TimeSpan.FromSeconds(2))
            {
                _quarter = quarter;
                _log.Write($"{_description}: {quarter * 25}%" + (_status is null ? "" : $" ({_status})"));
            }
        }

        public void Status(string text) => _status = text;

        public void Dispose()
            => _log.Write($"{_description}: done {Interlocked.Read(ref _done)}/{_total} in {_watch.Elapsed.TotalSeconds:0.00} s" + (_status is null ? "" : $" ({_status})"));
    }

    private sealed class Nothing : IDisposable
    {
        public static readonly Nothing Instance = new();
        public void Dispose()
        {
        }
    }
}
