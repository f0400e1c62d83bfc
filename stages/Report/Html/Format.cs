using System.Globalization;

namespace Pipeline.Report.Html;

/// <summary>Number formatting for tables: invariant culture, about four significant digits, NaN as "n/a".</summary>
internal static class Format
{
    public static string Number(double value)
    {
        if (double.IsNaN(value)) return "n/a";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return "0";
        double abs = Math.Abs(value);
        return abs >= 1e5 || abs < 1e-3
            ? value.ToString("0.###E+0", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (100 * fraction).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    /// <summary>A measured value rounded to its uncertainty: the error to two significant digits and the value to the
    /// same decimal place, e.g. 0.6832 ± 0.02562 becomes "0.683 ± 0.026". Falls back to <see cref="WithError"/>
    /// for very large or small magnitudes and when the error is not a positive finite number.</summary>
    public static string Measured(double value, double error)
    {
        if (!double.IsFinite(value) || !double.IsFinite(error) || error <= 0) return WithError(value, error);
        int decimals = 1 - (int)Math.Floor(Math.Log10(error));
        if (decimals < 0 || decimals > 8) return WithError(value, error);
        var f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return $"{Math.Round(value, decimals).ToString(f, CultureInfo.InvariantCulture)} ± {Math.Round(error, decimals).ToString(f, CultureInfo.InvariantCulture)}";
    }

    /// <summary>A value with its uncertainty, e.g. "1.23e-9 ± 4e-11"; the uncertainty is dropped when NaN.</summary>
    public static string WithError(double value, double error) =>
        double.IsNaN(error) ? Number(value) : $"{Number(value)} ± {Number(error)}";

    /// <summary>Short text for a list cell: all values when few, otherwise the count.</summary>
    public static string List<T>(IReadOnlyList<T> values, Func<T, string> format, int maxShown = 6) =>
        values.Count <= maxShown
            ? "[" + string.Join(", ", values.Select(format)) + "]"
            : $"[{values.Count} values]";
}
