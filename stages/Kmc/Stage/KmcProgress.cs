using System.Diagnostics;
using System.Globalization;
using Pipeline.Abstractions;

namespace Pipeline.Kmc.Stage;

/// <summary>One progress bar over all runs (each run counts 1000 units, reported as it advances) with the event rate
/// and an ETA in its status. Runs report from several threads.</summary>
public sealed class KmcProgress : IDisposable
{
    private const long UnitsPerRun = 1000;
    private readonly IProgressTask _task;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _total;
    private readonly object _gate = new();
    private long _done, _events;
    private double _lastStatus;

    public KmcProgress(IStageLog log, int runs)
    {
        _total = runs * UnitsPerRun;
        _task = log.Progress($"{runs} runs", _total);
    }

    /// <summary>A per-run reporter: receives the run's completed fraction and its events so far.</summary>
    public Action<double, long> ForRun()
    {
        long reportedUnits = 0, reportedEvents = 0;
        return (fraction, events) =>
        {
            long units = Math.Clamp((long)(fraction * UnitsPerRun), 0, UnitsPerRun);
            Report(units - reportedUnits, events - reportedEvents);
            reportedUnits = units;
            reportedEvents = events;
        };
    }

    private void Report(long units, long events)
    {
        lock (_gate)
        {
            if (units > 0) _task.Increment(units);
            _done += units;
            _events += events;
            double seconds = _clock.Elapsed.TotalSeconds;
            if (seconds - _lastStatus < 0.5 || _done == 0) return;
            _lastStatus = seconds;
            double rate = _events / seconds;
            var eta = TimeSpan.FromSeconds(seconds * (_total - _done) / _done);
            _task.Status(string.Create(CultureInfo.InvariantCulture, $"{rate:0.##e0} events/s, ETA {eta:hh\\:mm\\:ss}"));
        }
    }

    public void Dispose() => _task.Dispose();
}
