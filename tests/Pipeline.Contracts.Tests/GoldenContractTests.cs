using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Abstractions;
using Pipeline.Contracts;

namespace Pipeline.Contracts.Tests;

/// <summary>Every table contract is pinned by Golden/contracts.json. Renaming, retyping, re-unit-ing, reordering or
/// dropping a column fails here with the artifact and column named, so a contract change is a deliberate, reviewed
/// edit (bump the contract version, update the golden file and every consumer) and never a silent report gap.</summary>
public sealed class GoldenContractTests
{
    private static readonly string GoldenPath = Path.Combine(AppContext.BaseDirectory, "Golden", "contracts.json");

    internal static JsonObject Describe(IEnumerable<TableSchema> schemas)
    {
        var root = new JsonObject();
        foreach (var s in schemas)
        {
            root[s.Artifact] = new JsonObject
            {
                ["version"] = s.Version,
                ["columns"] = new JsonArray(s.Columns.Select(Column).ToArray()),
                ["families"] = new JsonArray(s.Families.Select(Column).ToArray()),
            };
        }
        return root;

        static JsonNode Column(ColumnSpec c) => new JsonObject
        {
            ["name"] = c.Name, ["type"] = c.Type.ToString(), ["unit"] = c.Unit, ["required"] = c.Required,
        };
    }

    internal static IReadOnlyList<string> Differences(JsonObject expected, JsonObject actual)
    {
        var problems = new List<string>();
        foreach (var (artifact, node) in expected)
        {
            if (actual[artifact] is not JsonObject now) { problems.Add($"{artifact}: the contract is gone"); continue; }
            foreach (var part in new[] { "columns", "families" })
            {
                var was = node![part]!.AsArray().Select(c => c!.ToJsonString()).ToList();
                var isNow = now[part]!.AsArray().Select(c => c!.ToJsonString()).ToList();
                foreach (var c in was.Except(isNow)) problems.Add($"{artifact}: {part} entry {c} changed or was removed");
                foreach (var c in isNow.Except(was)) problems.Add($"{artifact}: {part} entry {c} is new");
                if (problems.Count == 0 && !was.SequenceEqual(isNow)) problems.Add($"{artifact}: {part} were reordered");
            }
            if (node!["version"]!.GetValue<int>() != now["version"]!.GetValue<int>())
                problems.Add($"{artifact}: version {node["version"]} -> {now["version"]}");
        }
        foreach (var (artifact, _) in actual)
            if (!expected.ContainsKey(artifact)) problems.Add($"{artifact}: a new contract not in the golden file");
        return problems;
    }

    [Fact]
    public void Every_table_contract_matches_the_pinned_golden_file()
    {
        var actual = Describe(TableContracts.All);
        if (Environment.GetEnvironmentVariable("PIPELINE_UPDATE_CONTRACTS") == "1")
        {
            var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../Golden/contracts.json"));
            File.WriteAllText(source, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        var expected = JsonNode.Parse(File.ReadAllText(GoldenPath))!.AsObject();
        var problems = Differences(expected, actual);
        Assert.True(problems.Count == 0,
            "table contracts differ from Golden/contracts.json (if intended: bump the contract version, update every " +
            "consumer, then rerun with PIPELINE_UPDATE_CONTRACTS=1):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void A_renamed_column_is_named_by_the_golden_comparison()
    {
        var renamed = new TableSchema(HopsContract.Artifact, HopsContract.Schema.Version,
            HopsContract.Schema.Columns.Select(c => c.Name == HopsContract.EKra ? c with { Name = "kra_barrier" } : c).ToList());
        var problems = Differences(Describe([HopsContract.Schema]), Describe([renamed]));
        Assert.Contains(problems, p => p.Contains("\"e_kra\"") && p.Contains("removed"));
        Assert.Contains(problems, p => p.Contains("\"kra_barrier\"") && p.Contains("new"));
    }

    [Fact]
    public void A_table_with_a_renamed_column_is_refused_naming_the_column()
    {
        var columns = HopsContract.Schema.Columns
            .Select(c => new Column(c.Name == HopsContract.EKra ? "kra_barrier" : c.Name, c.Type, Empty(c.Type)))
            .ToList();
        var table = new Table(columns);
        var missing = Assert.Throws<InvalidDataException>(() => HopsContract.Schema.Check(table, "report input 'hops'"));
        Assert.Contains("'e_kra'", missing.Message);
        Assert.Contains("report input 'hops'", missing.Message);
        var extra = Assert.Throws<InvalidDataException>(() => HopsContract.Schema.Verified(
            new Table(columns.Append(new Column(HopsContract.EKra, ColumnType.Float64, Array.Empty<double>()))), "ingest"));
        Assert.Contains("'kra_barrier'", extra.Message);
    }

    [Fact]
    public void A_retyped_column_is_refused()
    {
        var columns = RejectedContract.Schema.Columns
            .Select(c => c.Name == RejectedContract.Line ? new Column(c.Name, ColumnType.String, Array.Empty<string>()) : new Column(c.Name, c.Type, Empty(c.Type)))
            .ToList();
        var e = Assert.Throws<InvalidDataException>(() => RejectedContract.Schema.Check(new Table(columns), "x"));
        Assert.Contains("'line'", e.Message);
    }

    [Fact]
    public void Column_families_admit_data_dependent_columns_of_their_type_only()
    {
        var schema = ClassifierMetricsContract.Schema;
        var good = new Table([
            new Column(ClassifierMetricsContract.TrueLabel, ColumnType.String, new[] { "up" }),
            new Column(ClassifierMetricsContract.PredictedPrefix + "up", ColumnType.Int64, new[] { 3L }),
            new Column(ClassifierMetricsContract.Trainer, ColumnType.String, new[] { "t" }),
        ]);
        schema.Check(good, "fit", exact: true);
        var bad = new Table([new Column(ClassifierMetricsContract.PredictedPrefix + "up", ColumnType.Float64, new[] { 3.0 }),
            new Column(ClassifierMetricsContract.Trainer, ColumnType.String, new[] { "t" })]);
        Assert.Throws<InvalidDataException>(() => schema.Check(bad, "fit", exact: true));
    }

    private static Array Empty(ColumnType type) => type switch
    {
        ColumnType.Float64 => Array.Empty<double>(),
        ColumnType.Int64 => Array.Empty<long>(),
        ColumnType.Bool => Array.Empty<bool>(),
        ColumnType.String => Array.Empty<string>(),
        ColumnType.Float64List => Array.Empty<double[]>(),
        _ => Array.Empty<string[]>(),
    };
}

/// <summary>Writers' tables leave <see cref="TableSchema.Verified"/> with every numeric column's contract unit.</summary>
public sealed class ContractUnitTests
{
    [Fact]
    public void Verified_tables_carry_the_contract_units_of_their_numeric_columns()
    {
        var columns = RejectedContract.Schema.Columns.Select(c => c.Type == ColumnType.Int64
            ? new Column(c.Name, c.Type, new[] { 12L }) : new Column(c.Name, c.Type, new[] { "x" })).ToList();
        var table = RejectedContract.Schema.Verified(new Table(columns, new Dictionary<string, string> { ["k"] = "v" }), "ingest");
        Assert.Equal("1", table[RejectedContract.Line].Unit);
        Assert.Null(table[RejectedContract.Reason].Unit);
        Assert.Equal("v", table.Metadata["k"]);

        var hops = HopsContract.Schema;
        Assert.Equal("eV", hops.UnitOf(HopsContract.EKra));
        Assert.Equal("Angstrom", hops.UnitOf(HopsContract.HopLength));
        Assert.Equal("cm^2/s", KmcSummaryContract.Schema.UnitOf(KmcSummaryContract.Mean(KmcResultsContract.DTracer)));
    }
}
