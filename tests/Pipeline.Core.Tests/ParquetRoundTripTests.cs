using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class ParquetRoundTripTests
{
    [Fact]
    public void Every_column_type_round_trips_with_equal_values_and_footer_metadata()
    {
        using var ws = new TempWorkspace();
        var table = SampleTables.AllTypes();
        var path = ws.Path("t.parquet");
        var meta = new Dictionary<string, string> { [ArtifactMetadata.ContentHash] = TableHasher.Hash(table), ["custom"] = "ü" };
        ParquetTableWriter.Write(table, path, meta);

        var back = ParquetTableReader.Read(path);
        SampleTables.AssertEqual(table, back);
        Assert.Equal(TableHasher.Hash(table), TableHasher.Hash(back));
        Assert.Equal("ü", back.Metadata["custom"]);
        Assert.Equal(meta[ArtifactMetadata.ContentHash], ParquetTableReader.ReadMetadata(path)[ArtifactMetadata.ContentHash]);
    }

    [Fact]
    public void Zero_row_tables_keep_their_schema()
    {
        using var ws = new TempWorkspace();
        var empty = new Table([Column.Of("x", Array.Empty<double>()), Column.Of("l", Array.Empty<string[]>())]);
        var path = ws.Path("e.parquet");
        ParquetTableWriter.Write(empty, path, new Dictionary<string, string>());
        var back = ParquetTableReader.Read(path);
        Assert.Equal(0, back.RowCount);
        Assert.Equal([ColumnType.Float64, ColumnType.StringList], back.Columns.Select(c => c.Type));
    }

    [Fact]
    public void A_table_without_columns_is_refused_clearly()
    {
        using var ws = new TempWorkspace();
        var e = Assert.Throws<ArgumentException>(() => ParquetTableWriter.Write(new Table([]), ws.Path("x.parquet"), new Dictionary<string, string>()));
        Assert.Contains("at least one column", e.Message);
    }
}
