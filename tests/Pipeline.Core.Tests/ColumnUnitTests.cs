using System.Text.Json;
using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Hashing;
using Pipeline.Core.Parquet;
using Pipeline.Core.Tables;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

/// <summary>Issue #16: units travel with the data, in the Parquet footer, without touching content hashes.</summary>
public class ColumnUnitTests
{
    private static Table WithUnits() => new(
    [
        Column.Of("hop", new[] { "a", "b" }),
        Column.Of("barrier", new[] { 0.25, 0.5 }).WithUnit("eV"),
        Column.Of("count", new[] { 3L, 4L }).WithUnit("1"),
        Column.Of("images", new[] { new[] { 0.0, 0.1 }, new[] { 0.2 } }).WithUnit("eV"),
        Column.Of("T", new[] { 300.0, 600.0 }),
    ]);

    private static Table WithoutUnits() => new(WithUnits().Columns.Select(c => c.WithUnit(null)));

    [Fact]
    public void Units_are_written_to_the_footer_and_read_back_per_column()
    {
        using var ws = new TempWorkspace();
        var path = ws.Path("t.parquet");
        ParquetTableWriter.Write(WithUnits(), path, new Dictionary<string, string>());

        var footer = ParquetTableReader.ReadMetadata(path);
        Assert.Equal("{\"barrier\":\"eV\",\"count\":\"1\",\"images\":\"eV\"}", footer[ArtifactMetadata.Units]);
        var back = ParquetTableReader.Read(path);
        Assert.Equal(new string?[] { null, "eV", "1", "eV", null }, back.Columns.Select(c => c.Unit));
        Assert.Equal("eV", TableFiles.Read(path)["barrier"].Unit);
    }

    [Fact]
    public void Units_do_not_change_the_content_hash()
    {
        Assert.Equal(TableHasher.Hash(WithoutUnits()), TableHasher.Hash(WithUnits()));
        using var ws = new TempWorkspace();
        ParquetTableWriter.Write(WithoutUnits(), ws.Path("plain.parquet"), new Dictionary<string, string>());
        Assert.False(ParquetTableReader.ReadMetadata(ws.Path("plain.parquet")).ContainsKey(ArtifactMetadata.Units));
    }

    [Fact]
    public void Engine_footers_carry_the_units_under_the_footer_seal()
    {
        var table = WithUnits();
        var hash = TableHasher.Hash(table);
        var provenance = ProvenanceKeys.ForRun("fit", new Pipeline.TestStages.ScaleStage(), "p", "{}", "f", new Dictionary<string, string>(), null, DateTime.UnixEpoch);
        var footer = ProvenanceKeys.TableMetadata(provenance, new PortSpec("models", PortKind.Table, "x"), table, hash);
        Assert.Contains("\"barrier\":\"eV\"", footer[ArtifactMetadata.Units]);
        Assert.Null(FooterDigest.Problem(footer, hash));
        var edited = new Dictionary<string, string>(footer) { [ArtifactMetadata.Units] = "{\"barrier\":\"meV\"}" };
        Assert.Contains("edited footer", FooterDigest.Problem(edited, hash));
    }

    [Fact]
    public void Only_numeric_columns_take_a_unit()
    {
        Assert.Throws<ArgumentException>(() => Column.Of("s", new[] { "x" }).WithUnit("eV"));
        Assert.Throws<ArgumentException>(() => Column.Of("b", new[] { true }).WithUnit("1"));
        Assert.Throws<ArgumentException>(() => Column.Of("f", new[] { 1.0 }).WithUnit(""));
    }

    [Fact]
    public void Json_export_with_schema_lists_types_and_units()
    {
        using var stream = new MemoryStream();
        TableExport.WriteJsonWithSchema(WithUnits(), stream);
        var root = JsonDocument.Parse(stream.ToArray()).RootElement;
        var columns = root.GetProperty("columns");
        Assert.Equal("barrier", columns[1].GetProperty("name").GetString());
        Assert.Equal("f64", columns[1].GetProperty("type").GetString());
        Assert.Equal("eV", columns[1].GetProperty("unit").GetString());
        Assert.False(columns[0].TryGetProperty("unit", out _));
        Assert.Equal(0.5, root.GetProperty("rows")[1].GetProperty("barrier").GetDouble());
    }

    [Fact]
    public void A_stage_declared_unit_reaches_the_artifact_footer_and_the_next_reader()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        Assert.Equal(ExitCodes.Ok, ws.Run().ExitCode);
        var numbers = ParquetTableReader.Read(ws.Path("out/gen/numbers.parquet"));
        Assert.Equal("eV", numbers["x"].Unit);
        Assert.Null(numbers["id"].Unit);
        Assert.Equal("{\"x\":\"eV\"}", numbers.Metadata[ArtifactMetadata.Units]);
        Assert.Null(FooterDigest.Problem(numbers.Metadata, TableHasher.Hash(numbers)));
        var plain = new Table(numbers.Columns.Select(c => c.WithUnit(null)));
        Assert.Equal(ws.Lock().Stages["gen"].Outputs["numbers"].Hash, TableHasher.Hash(plain));
    }
}
