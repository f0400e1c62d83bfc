using System.Collections;
using DuckDB.NET.Data;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>Our Parquet files read by an independent implementation (DuckDB) give the same values and metadata.</summary>
public class DuckDbInteropTests
{
    [Fact]
    public void DuckDb_reads_every_column_type_and_the_footer_metadata()
    {
        using var ws = new TempWorkspace();
        var table = SampleTables.AllTypes();
        var path = ws.Path("t.parquet");
        ParquetTableWriter.Write(table, path, new Dictionary<string, string> { [ArtifactMetadata.Stage] = "ingest" });

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT f, i, b, s, fl, sl FROM read_parquet('{path.Replace("'", "''")}')";
        using var reader = command.ExecuteReader();
        int row = 0;
        while (reader.Read())
        {
            var f = reader.GetDouble(0);
            var expected = table.Doubles("f")[row];
            Assert.True(f.Equals(expected) || (double.IsNaN(f) && double.IsNaN(expected)), $"row {row}: {f} vs {expected}");
            Assert.Equal(table.Longs("i")[row], reader.GetInt64(1));
            Assert.Equal(table.Bools("b")[row], reader.GetBoolean(2));
            Assert.Equal(table.Strings("s")[row], reader.GetString(3));
            var fl = ((IEnumerable)reader.GetValue(4)).Cast<object>().Select(Convert.ToDouble).ToArray();
            Assert.Equal(table.DoubleLists("fl")[row].Select(BitConverter.DoubleToInt64Bits), fl.Select(BitConverter.DoubleToInt64Bits));
            var sl = ((IEnumerable)reader.GetValue(5)).Cast<object>().Select(o => (string)o).ToArray();
            Assert.Equal(table.StringLists("sl")[row], sl);
            row++;
        }
        Assert.Equal(table.RowCount, row);

        using var meta = connection.CreateCommand();
        meta.CommandText = $"SELECT decode(value) FROM parquet_kv_metadata('{path.Replace("'", "''")}') WHERE decode(key) = '{ArtifactMetadata.Stage}'";
        Assert.Equal("ingest", meta.ExecuteScalar());
    }
}
