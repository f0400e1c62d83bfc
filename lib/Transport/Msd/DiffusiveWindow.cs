namespace Pipeline.Transport.Msd;

/// <summary>The lag-time window over which an MSD is fitted by a straight line. The rule: from
/// <see cref="DefaultStart"/> to <see cref="DefaultEnd"/> of the maximum lag, which skips the ballistic and
/// vibrational start and the noisy longest lags (few independent origins); explicit times override it.</summary>
public readonly record struct DiffusiveWindow(double Start, double End, bool FromRule)
{
    public const double DefaultStart = 0.2;
    public const double DefaultEnd = 0.8;

    /// <param name="maxLagTime">Longest lag time evaluated.</param>
    /// <param name="start">Explicit window start (same unit as the lag times), or NaN/&lt;= 0 for the rule.</param>
    /// <param name="end">Explicit window end, or NaN/&lt;= 0 for the rule.</param>
    public static DiffusiveWindow Choose(double maxLagTime, double start = double.NaN, double end = double.NaN)
    {
        bool explicitStart = start > 0, explicitEnd = end > 0;
        double s = explicitStart ? start : DefaultStart * maxLagTime;
        double e = explicitEnd ? end : DefaultEnd * maxLagTime;
        if (!(e > s))
            throw new ArgumentException(FormattableString.Invariant(
                $"the MSD fit window [{s:G6}, {e:G6}] is empty (the maximum lag time is {maxLagTime:G6})"));
        return new DiffusiveWindow(s, e, !explicitStart && !explicitEnd);
    }

    public bool Contains(double lagTime) => lagTime >= Start * (1 - 1e-12) && lagTime <= End * (1 + 1e-12);
}
