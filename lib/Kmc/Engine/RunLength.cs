namespace Pipeline.Kmc.Engine;

/// <summary>How long a run lasts: a number of events, or a simulated time (then the state is taken exactly at
/// that time, which is what unbiased MSD/time estimates at fixed t need).</summary>
public readonly record struct RunLength(long Steps, double Time)
{
    public static RunLength Events(long steps) => steps > 0 ? new(steps, 0) : throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be > 0");

    public static RunLength SimulatedTime(double seconds) => seconds > 0 ? new(0, seconds) : throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "time must be > 0 s");

    public bool ByTime => Time > 0;
}
