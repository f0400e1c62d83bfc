using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>A kMC observable: the column names it may be stored under, each with the unit that name implies
/// (the kmc stage puts units in its column names, e.g. <c>d_tracer_cm2_s</c>, <c>conductivity_s_cm</c>).</summary>
internal sealed record KmcQuantity(string Key, string Label, (string Name, string Unit)[] Columns);

/// <summary>The observables at one composition x and temperature T: value and uncertainty (NaN when unknown).</summary>
internal sealed record KmcPoint(double X, double T, IReadOnlyDictionary<string, (double Value, double Error)> Values)
{
    public double Value(string key) => Values.TryGetValue(key, out var v) ? v.Value : double.NaN;
    public double Error(string key) => Values.TryGetValue(key, out var v) ? v.Error : double.NaN;
}

/// <summary>The observables found in a kMC table and the points per (x, T).</summary>
internal sealed record KmcObservableSet(IReadOnlyList<(KmcQuantity Quantity, string Header)> Found, IReadOnlyList<KmcPoint> Points);

/// <summary>Reads kMC observables per (x, T): from the summary table (kmc's <c>&lt;name&gt;_mean</c> and
/// <c>&lt;name&gt;_stderr</c> columns) or, when only per-run results exist, by averaging the runs (mean and standard
/// error over seeds).</summary>
internal static class KmcObservables
{
    public const string Tracer = "d_tracer";
    public const string Jump = "d_jump";
    public const string Haven = "haven_ratio";
    public const string Conductivity = "conductivity";
    public const string Percolates = "percolates";
    public const string SpanningFraction = "spanning_fraction";

    /// <summary>x and T: the same names in the results, summary and msd tables (KmcResultsContract).</summary>
    public const string X = KmcResultsContract.X;
    public const string T = KmcResultsContract.Temperature;

    public static readonly KmcQuantity[] Quantities =
    [
        new("runs", "runs", [(KmcSummaryContract.Runs, "")]),
        new(Tracer, "tracer D*", [(KmcResultsContract.DTracer, "cm^2/s")]),
        new(Jump, "jump D_J", [(KmcResultsContract.DJump, "cm^2/s")]),
        new(Conductivity, "conductivity sigma", [(KmcResultsContract.Conductivity, "S/cm")]),
        new(Haven, "Haven ratio H_R", [(KmcResultsContract.HavenRatio, "")]),
        new("correlation_factor", "correlation factor f", [(KmcResultsContract.CorrelationFactor, "")]),
        new("fraction_0tm_hops", "share of 0-TM hops", [(KmcResultsContract.Fraction0TmHops, "")]),
        new("mean_barrier", "mean barrier of the hops made", [(KmcResultsContract.MeanBarrier, "eV")]),
        new("mean_jumps_per_li", "jumps per Li", [(KmcResultsContract.MeanJumpsPerLi, "")]),
        // The summary has the fraction of runs that percolate, the results a flag per run.
        new(Percolates, "0-TM network spans", [(KmcSummaryContract.PercolatingFraction, ""), (KmcResultsContract.Percolating, "")]),
        new(SpanningFraction, "Li fraction in spanning cluster", [(KmcResultsContract.LiFractionSpanning, "")]),
    ];

    // Summary columns are NAME_mean with NAME_stderr (KmcSummaryContract), results columns NAME.
    private static readonly string[] ValueSuffixes = [KmcSummaryContract.Mean(""), ""];
    private static readonly string[] ErrorSuffixes = [KmcSummaryContract.StdErr("")];

    public static KmcObservableSet? FromSummary(Table? table) => Read(table, averageRuns: false);

    public static KmcObservableSet? FromRuns(Table? table) => Read(table, averageRuns: true);

    /// <summary>Names of the columns <see cref="Read"/> uses (x, T, values and errors), so the rest can be shown apart.</summary>
    public static HashSet<string> UsedColumns(Table table)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        if (TableColumns.Find(table, X) is { } x) used.Add(x);
        if (TableColumns.Find(table, T) is { } t) used.Add(t);
        foreach (var q in Quantities)
        {
            if (Locate(table, q) is { } c)
            {
                used.Add(c.Value);
                if (c.Error is not null) used.Add(c.Error);
            }
        }
        return used;
    }

    /// <summary>The unit a found quantity's column implies ("cm^2/s"), "" when unknown.</summary>
    public static string Unit(KmcObservableSet set, string key)
    {
        var header = set.Found.FirstOrDefault(f => f.Quantity.Key == key).Header ?? "";
        int open = header.LastIndexOf('(');
        return open >= 0 && header.EndsWith(')') ? header[(open + 1)..^1] : "";
    }

    private static KmcObservableSet? Read(Table? table, bool averageRuns)
    {
        var x = TableColumns.Numbers(table, X);
        var t = TableColumns.Numbers(table, T);
        if (table is null || x is null || t is null) return null;
        var columns = new List<(KmcQuantity Quantity, string Header, double[] Values, double[]? Errors)>();
        foreach (var q in Quantities)
        {
            if (averageRuns && q.Key == "runs") continue;
            if (Locate(table, q) is not { } c) continue;
            var header = c.Unit.Length == 0 ? q.Label : $"{q.Label} ({c.Unit})";
            columns.Add((q, header, TableColumns.Numbers(table, c.Value)!, c.Error is null ? null : TableColumns.Numbers(table, c.Error)));
        }
        var rows = Enumerable.Range(0, table.RowCount).GroupBy(i => (x[i], t[i])).OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2);
        var points = rows.Select(g => new KmcPoint(g.Key.Item1, g.Key.Item2, columns.ToDictionary(c => c.Quantity.Key, c =>
            averageRuns
                ? MeanAndStandardError(g.Select(i => c.Values[i]).ToArray())
                : (c.Values[g.First()], c.Errors?[g.First()] ?? double.NaN)))).ToList();
        return new KmcObservableSet(columns.Select(c => (c.Quantity, c.Header)).ToList(), points);
    }

    /// <summary>The value column (and its error column) of a quantity: the first candidate name present with a
    /// value suffix ("_mean" in the summary, none in the results).</summary>
    private static (string Value, string? Error, string Unit)? Locate(Table table, KmcQuantity q)
    {
        foreach (var (name, unit) in q.Columns)
        {
            foreach (var suffix in ValueSuffixes)
            {
                var value = TableColumns.Find(table, name + suffix);
                if (value is null || TableColumns.Numbers(table, value) is null) continue;
                var error = ErrorSuffixes.Select(e => TableColumns.Find(table, name + e)).FirstOrDefault(e => e is not null);
                return (value, error, unit);
            }
        }
        return null;
    }

    /// <summary>Mean and standard error of the mean over finite values; the error is NaN for a single value.</summary>
    public static (double Mean, double Error) MeanAndStandardError(double[] values)
    {
        var v = values.Where(double.IsFinite).ToArray();
        if (v.Length == 0) return (double.NaN, double.NaN);
        double mean = v.Average();
        if (v.Length == 1) return (mean, double.NaN);
        double variance = v.Sum(a => (a - mean) * (a - mean)) / (v.Length - 1);
        return (mean, Math.Sqrt(variance / v.Length));
    }
}
