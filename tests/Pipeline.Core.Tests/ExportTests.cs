using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Tables;

using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class ExportTests
{
    [Fact]
    public void Csv_export_reads_back_as_the_same_table()
    {
        var table = SampleTables.AllTypes();
        var text = new StringWriter();
        TableExport.WriteCsv(table, text);
        var back = CsvTableReader.Read(new StringReader(text.ToString()), "export.csv");
        SampleTables.AssertEqual(table, back);
        Assert.Equal(TableHasher.Hash(table), TableHasher.Hash(back));
        Assert.StartsWith("f,i,b,s,fl,sl\r\n1.5,-9223372036854775808,true,,[],\"[\"\"Li\"\",\"\"V\"\"]\"\r\n", text.ToString());
    }

    [Fact]
    public void Json_export_is_an_array_of_row_objects_with_null_for_non_finite_numbers()
    {
        using var stream = new MemoryStream();
        TableExport.WriteJson(SampleTables.AllTypes(), stream);
        var rows = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal(5, rows.GetArrayLength());
        Assert.Equal(1.5, rows[0].GetProperty("f").GetDouble());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("f").ValueKind);
        Assert.Equal(long.MaxValue, rows[4].GetProperty("i").GetInt64());
        Assert.Equal("Li₂VO₂F ü", rows[2].GetProperty("s").GetString());
        Assert.Equal(JsonValueKind.Null, rows[2].GetProperty("fl")[1].ValueKind);
        Assert.Equal(["O", "F", "Vac"], rows[3].GetProperty("sl").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Csv_reader_infers_types_and_reports_ragged_rows()
    {
        var t = CsvTableReader.Read(new StringReader("a,b,c,d\n1,1.5,true,x\n2,,false,\"y,z\"\n"), "t.csv");
        Assert.Equal([ColumnType.Int64, ColumnType.Float64, ColumnType.Bool, ColumnType.String], t.Columns.Select(c => c.Type));
        Assert.True(double.IsNaN(t.Doubles("b")[1]));
        Assert.Equal("y,z", t.Strings("d")[1]);
        var e = Assert.Throws<InvalidDataException>(() => CsvTableReader.Read(new StringReader("a,b\n1\n"), "r.csv"));
        Assert.Equal("r.csv:2: 1 fields, header has 2", e.Message);
    }
}
