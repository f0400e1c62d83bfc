using Pipeline.Abstractions;

namespace Pipeline.Executors.Tests;

/// <summary>ItemTable: the exact file a fan-out item hands its tables to Assemble with.</summary>
public sealed class ItemTableTests
{
    [Fact]
    public void Every_column_type_and_awkward_value_round_trips_bit_for_bit()
    {
        var oddNaN = BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001);
        var table = new Table(
        [
            Column.Of("f", new[] { 1.5, double.NaN, oddNaN, double.NegativeInfinity, -0.0, double.Epsilon }),
            Column.Of("i", new[] { long.MinValue, -1L, 0L, 1L, long.MaxValue, 42L }),
            Column.Of("b", new[] { true, false, true, true, false, false }),
            Column.Of("s", new[] { "", "ascii", "Li₂VO₂F ü", "with,comma \"quote\"", "line\nbreak", new string('x', 300) }),
            Column.Of("fl", new[] { Array.Empty<double>(), new[] { 1.0 }, new[] { 2.0, double.NaN }, Array.Empty<double>(), new[] { -4.25 }, new[] { oddNaN } }),
            Column.Of("sl", new[] { new[] { "Li", "V" }, Array.Empty<string>(), new[] { "" }, new[] { "O", "F", "Vac" }, Array.Empty<string>(), new[] { "é" } }),
        ], new Dictionary<string, string> { ["schema_version"] = "x/2", ["note"] = "ü" });
        var path = Path.Combine(Path.GetTempPath(), "item-table-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ItemTable.Save(table, path);
            var back = ItemTable.Load(path);
            Assert.Equal(table.Metadata, back.Metadata);
            Assert.Equal(table.Columns.Select(c => (c.Name, c.Type)), back.Columns.Select(c => (c.Name, c.Type)));
            Assert.Equal(((double[])table["f"].Values).Select(BitConverter.DoubleToInt64Bits), back.Doubles("f").Select(BitConverter.DoubleToInt64Bits));
            Assert.Equal(table.Longs("i"), back.Longs("i"));
            Assert.Equal(table.Bools("b"), back.Bools("b"));
            Assert.Equal(table.Strings("s"), back.Strings("s"));
            Assert.Equal(table.DoubleLists("fl").Select(r => r.Select(BitConverter.DoubleToInt64Bits).ToArray()),
                back.DoubleLists("fl").Select(r => r.Select(BitConverter.DoubleToInt64Bits).ToArray()));
            Assert.Equal(table.StringLists("sl"), back.StringLists("sl"));

            var bytes = File.ReadAllBytes(path);
            File.WriteAllBytes(path, bytes[..^3]);
            var truncated = Assert.Throws<InvalidDataException>(() => ItemTable.Load(path));
            Assert.Contains(path, truncated.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
