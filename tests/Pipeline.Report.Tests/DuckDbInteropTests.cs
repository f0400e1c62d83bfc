using System.Collections;
using DuckDB.NET.Data;
using Pipeline.Abstractions;
using Pipeline.Core.Parquet;

namespace Pipeline.Report.Tests;

/// <summary>Our Parquet artifacts read by an independent reader: tables of every column type written with the
/// engine's writer, read back with DuckDB's read_parquet and compared value by value (doubles bit for bit), and the
/// footer key-values read with parquet_kv_metadata.</summary>
public sealed class DuckDbInteropTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "duckdb-interop-" + Guid.NewGuid().ToString("N"));

    public DuckDbInteropTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly double[] EdgeDoubles =
        [0.0, -0.0, 1.0, -1.5, double.Epsilon, double.MaxValue, double.MinValue, 1e-300, Math.PI, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    private static readonly string[] EdgeStrings =
        ["", "plain", "neb/hop_0001/00", "quote \" and 'apostrophe'", "line\nbreak\ttab", "Li₂VO₂F", "中文", "emoji 🔋", "comma, semicolon;", "back\\slash"];

    /// <summary>One row per edge value, list lengths 0..n, so empty lists and empty strings are covered.</summary>
    private static Table EdgeTable()
    {
        int n = Math.Max(EdgeDoubles.Length, EdgeStrings.Length);
        return new Table(
        [
            Column.Of("row", Enumerable.Range(0, n).Select(i => (long)i).ToArray()),
            Column.Of("f64", Enumerable.Range(0, n).Select(i => EdgeDoubles[i % EdgeDoubles.Length]).ToArray()),
            Column.Of("i64", Enumerable.Range(0, n).Select(i => (i % 4) switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => 0L, _ => -(long)i }).ToArray()),
            Column.Of("flag", Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray()),
            Column.Of("text", Enumerable.Range(0, n).Select(i => EdgeStrings[i % EdgeStrings.Length]).ToArray()),
            Column.Of("f64_list", Enumerable.Range(0, n).Select(i => EdgeDoubles.Take(i).ToArray()).ToArray()),
            Column.Of("str_list", Enumerable.Range(0, n).Select(i => EdgeStrings.Skip(n - i).ToArray()).ToArray()),
        ]);
    }

    /// <summary>Enough random rows for several data pages per column.</summary>
    private static Table RandomTable(int rows, int seed)
    {
        var random = new Random(seed);
        return new Table(
        [
            Column.Of("row", Enumerable.Range(0, rows).Select(i => (long)i).ToArray()),
            Column.Of("f64", Enumerable.Range(0, rows).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-20, 20))).ToArray()),
            Column.Of("i64", Enumerable.Range(0, rows).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray()),
            Column.Of("flag", Enumerable.Range(0, rows).Select(_ => random.Next(2) == 1).ToArray()),
            Column.Of("text", Enumerable.Range(0, rows).Select(i => $"calc_{i}_{random.Next()}").ToArray()),
            Column.Of("f64_list", Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.NextDouble() * 100 - 50).ToArray()).ToArray()),
            Column.Of("str_list", Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, random.Next(0, 5)).Select(k => k % 2 == 0 ? "Li" : "V").ToArray()).ToArray()),
        ]);
    }

    [Fact]
    public void Edge_values_of_every_column_type_read_back_identically_in_duckdb()
    {
        var table = EdgeTable();
        var path = Write(table, "edge.parquet", new Dictionary<string, string>());
        AssertSameAsDuckDb(table, path);
    }

    [Fact]
    public void Many_random_rows_read_back_identically_in_duckdb()
    {
        var table = RandomTable(5_000, seed: 7);
        var path = Write(table, "random.parquet", new Dictionary<string, string>());
        AssertSameAsDuckDb(table, path);
    }

    [Fact]
    public void Duckdb_sees_the_documented_logical_types()
    {
        var path = Write(EdgeTable(), "types.parquet", new Dictionary<string, string>());
        var types = Query($"DESCRIBE SELECT * FROM read_parquet('{path}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("BIGINT", types["row"]);
        Assert.Equal("DOUBLE", types["f64"]);
        Assert.Equal("BIGINT", types["i64"]);
        Assert.Equal("BOOLEAN", types["flag"]);
        Assert.Equal("VARCHAR", types["text"]);
        Assert.Equal("DOUBLE[]", types["f64_list"]);
        Assert.Equal("VARCHAR[]", types["str_list"]);
    }

    [Fact]
    public void Footer_key_values_are_readable_with_parquet_kv_metadata()
    {
        var metadata = new Dictionary<string, string>
        {
            [ArtifactMetadata.Stage] = "ingest",
            [ArtifactMetadata.StageType] = "vasp-neb-ingest",
            [ArtifactMetadata.ParamsHash] = "0123456789abcdef",
            [ArtifactMetadata.ToolVersion] = "0.1.0",
            [ArtifactMetadata.Params] = "{\"tolerance\":0.4,\"label\":\"Li₂VO₂F\"}",
        };
        var path = Write(EdgeTable(), "meta.parquet", metadata);

        var read = Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')")
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        foreach (var (key, value) in metadata)
        {
            Assert.True(read.ContainsKey(key), $"footer has no key '{key}' (keys: {string.Join(", ", read.Keys)})");
            Assert.Equal(value, read[key]);
        }
    }

    private string Write(Table table, string name, IReadOnlyDictionary<string, string> metadata)
    {
        var path = Path.Combine(_folder, name);
        ParquetTableWriter.Write(table, path, metadata);
        return path;
    }

    private static void AssertSameAsDuckDb(Table expected, string path)
    {
        var rows = Query($"SELECT * FROM read_parquet('{path}') ORDER BY \"row\"", out var columnNames);
        Assert.Equal(expected.Columns.Select(c => c.Name), columnNames);
        Assert.Equal(expected.RowCount, rows.Count);
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            var column = expected.Columns[c];
            for (int r = 0; r < expected.RowCount; r++)
                AssertCell(column, r, rows[r][c]);
        }
    }

    private static void AssertCell(Column column, int row, object? actual)
    {
        string where = $"column '{column.Name}' row {row}";
        switch (column.Type)
        {
            case ColumnType.Float64:
                AssertSameDouble(((double[])column.Values)[row], Assert.IsType<double>(actual), where);
                break;
            case ColumnType.Int64:
                Assert.Equal(((long[])column.Values)[row], Assert.IsType<long>(actual));
                break;
            case ColumnType.Bool:
                Assert.Equal(((bool[])column.Values)[row], Assert.IsType<bool>(actual));
                break;
            case ColumnType.String:
                Assert.Equal(((string[])column.Values)[row], Assert.IsType<string>(actual));
                break;
            case ColumnType.Float64List:
                var doubles = Items(actual, where).Select(o => Assert.IsType<double>(o)).ToArray();
                var expectedDoubles = ((double[][])column.Values)[row];
                Assert.Equal(expectedDoubles.Length, doubles.Length);
                for (int i = 0; i < doubles.Length; i++) AssertSameDouble(expectedDoubles[i], doubles[i], $"{where} item {i}");
                break;
            case ColumnType.StringList:
                Assert.Equal(((string[][])column.Values)[row], Items(actual, where).Select(o => Assert.IsType<string>(o)).ToArray());
                break;
        }
    }

    /// <summary>Bit-for-bit equal, so -0.0 is not 0.0; any NaN equals any NaN (payloads are not part of the format).</summary>
    private static void AssertSameDouble(double expected, double actual, string where)
    {
        if (double.IsNaN(expected))
            Assert.True(double.IsNaN(actual), $"{where}: expected NaN, got {actual}");
        else
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{where}: expected {expected:R}, got {actual:R}");
    }

    private static IEnumerable<object?> Items(object? list, string where) =>
        list is IEnumerable items and not string ? items.Cast<object?>() : throw new Xunit.Sdk.XunitException($"{where}: expected a list, got {list?.GetType().Name ?? "null"}");

    private static List<object?[]> Query(string sql) => Query(sql, out _);

    private static List<object?[]> Query(string sql, out List<string> columnNames)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        columnNames = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
