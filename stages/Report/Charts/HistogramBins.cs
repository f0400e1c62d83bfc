namespace Pipeline.Report.Charts;

/// <summary>Equal-width bins shared by several series so their bars line up. The bin count follows the square-root
/// rule (clamped to 5..40); non-finite values are left out and counted in <see cref="Skipped"/>.</summary>
internal sealed class HistogramBins
{
    public HistogramBins(IReadOnlyList<double[]> series)
    {
        var finite = series.SelectMany(s => s).Where(double.IsFinite).ToArray();
        Skipped = series.Sum(s => s.Length) - finite.Length;
        if (finite.Length == 0)
        {
            Min = 0;
            Width = 1;
            Counts = series.Select(_ => Array.Empty<int>()).ToArray();
            return;
        }
        double min = finite.Min(), max = finite.Max();
        if (max - min < 1e-12)
        {
            min -= 0.05;
            max += 0.05;
        }
        int bins = Math.Clamp((int)Math.Ceiling(Math.Sqrt(finite.Length)), 5, 40);
        Min = min;
        Width = (max - min) / bins;
        Counts = series.Select(s => Count(s, min, Width, bins)).ToArray();
    }

    public double Min { get; }
    public double Width { get; }
    public int Skipped { get; }

    /// <summary>Counts[series][bin].</summary>
    public int[][] Counts { get; }

    public int BinCount => Counts.Length == 0 ? 0 : Counts[0].Length;

    public double Centre(int bin) => Min + (bin + 0.5) * Width;

    private static int[] Count(double[] values, double min, double width, int bins)
    {
        var counts = new int[bins];
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) continue;
            // The maximum falls on the upper edge of the last bin.
            int bin = Math.Min((int)((v - min) / width), bins - 1);
            counts[bin]++;
        }
        return counts;
    }
}
