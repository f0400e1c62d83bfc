using Pipeline.Abstractions;

namespace Pipeline.Core.Tests.Support;

/// <summary>A table with every column type and awkward values, and a bit-exact table comparison.</summary>
public static class SampleTables
{
    public static Table AllTypes() => new(
    [
        Column.Of("f", new[] { 1.5, double.NaN, double.NegativeInfinity, -0.0, double.Epsilon }),
        Column.Of("i", new[] { long.MinValue, -1L, 0L, 1L, long.MaxValue }),
        Column.Of("b", new[] { true, false, true, true, false }),
        Column.Of("s", new[] { "", "ascii", "Li₂VO₂F ü", "with,comma \"quote\"", "line\nbreak" }),
        Column.Of("fl", new[] { Array.Empty<double>(), new[] { 1.0 }, new[] { 2.0, double.NaN, 3.0 }, Array.Empty<double>(), new[] { -4.25 } }),
        Column.Of("sl", new[] { new[] { "Li", "V" }, Array.Empty<string>(), new[] { "" }, new[] { "O", "F", "Vac" }, Array.Empty<string>() }),
    ]);

    public static void AssertEqual(Table expected, Table actual)
    {
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Select(c => (c.Name, c.Type)), actual.Columns.Select(c => (c.Name, c.Type)));
        foreach (var c in expected.Columns)
        {
            var a = actual[c.Name];
            switch (c.Type)
            {
                case ColumnType.Float64:
                    Assert.Equal(((double[])c.Values).Select(BitConverter.DoubleToInt64Bits), ((double[])a.Values).Select(BitConverter.DoubleToInt64Bits));
                    break;
                case ColumnType.Float64List:
                    var e = (double[][])c.Values;
                    var g = (double[][])a.Values;
                    for (int i = 0; i < e.Length; i++)
                        Assert.Equal(e[i].Select(BitConverter.DoubleToInt64Bits), g[i].Select(BitConverter.DoubleToInt64Bits));
                    break;
                case ColumnType.StringList:
                    var es = (string[][])c.Values;
                    var gs = (string[][])a.Values;
                    for (int i = 0; i < es.Length; i++)
                        Assert.Equal(es[i], gs[i]);
                    break;
                default:
                    Assert.Equal(c.Values.Cast<object>(), a.Values.Cast<object>());
                    break;
            }
        }
    }
}
