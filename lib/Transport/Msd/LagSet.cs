namespace Pipeline.Transport.Msd;

/// <summary>The lags (in frames) at which an MSD is evaluated: about 20 per decade on a log scale (for the log-log
/// plot and the ballistic/vibrational start) united with 50 evenly spaced ones (so a linear fit window at long
/// lags has many points), from 1 to the maximum lag. Evaluating every lag would cost (max lag) times more for no
/// new information: neighbouring lags of an MSD are almost perfectly correlated.</summary>
public static class LagSet
{
    public const int PerDecade = 20;
    public const int Linear = 50;

    public static int[] UpTo(int maxLag)
    {
        if (maxLag < 1) throw new ArgumentOutOfRangeException(nameof(maxLag), maxLag, "the maximum lag must be at least one frame");
        var lags = new SortedSet<int> { 1, maxLag };
        double decades = Math.Log10(maxLag);
        int logPoints = (int)Math.Ceiling(decades * PerDecade);
        for (int k = 0; k <= logPoints; k++)
            lags.Add(Math.Clamp((int)Math.Round(Math.Pow(10, decades * k / Math.Max(logPoints, 1))), 1, maxLag));
        for (int k = 1; k <= Linear; k++)
            lags.Add(Math.Clamp((int)Math.Round((double)maxLag * k / Linear), 1, maxLag));
        return lags.ToArray();
    }
}
