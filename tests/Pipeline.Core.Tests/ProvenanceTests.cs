using System.Text.Json;
using Pipeline.Core.Provenance;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class ProvenanceTests
{
    private static JsonElement RoCrate(TempWorkspace ws)
    {
        using var stream = new MemoryStream();
        RoCrateWriter.Write(ProvenanceGraph.Load(ws.Workspace), stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Entities(JsonElement doc)
        => doc.GetProperty("@graph").EnumerateArray().ToDictionary(e => e.GetProperty("@id").GetString()!, e => e);

    private static IEnumerable<string> Ids(JsonElement entity, string property)
        => entity.TryGetProperty(property, out var v)
            ? (v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : new[] { v }.AsEnumerable()).Select(x => x.GetProperty("@id").GetString()!)
            : [];

    [Fact]
    public void Ro_crate_has_one_create_action_per_stage_with_instrument_inputs_params_outputs_and_times()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        var doc = RoCrate(ws);
        Assert.Equal("https://w3id.org/ro/crate/1.1/context", doc.GetProperty("@context").GetString());
        var e = Entities(doc);
        Assert.Equal(e.Count, doc.GetProperty("@graph").GetArrayLength());

        var descriptor = e["ro-crate-metadata.json"];
        Assert.Equal("https://w3id.org/ro/crate/1.1", Ids(descriptor, "conformsTo").Single());
        Assert.Equal("./", Ids(descriptor, "about").Single());

        var scale = e["#run-scale"];
        Assert.Equal("CreateAction", scale.GetProperty("@type").GetString());
        Assert.Equal("SoftwareApplication", e[Ids(scale, "instrument").Single()].GetProperty("@type").GetString());
        Assert.Equal("test-scale", e[Ids(scale, "instrument").Single()].GetProperty("name").GetString());
        Assert.Contains("out/gen/numbers.parquet", Ids(scale, "object"));
        var factor = e[Ids(scale, "object").Single(id => id.StartsWith("#param", StringComparison.Ordinal))];
        Assert.Equal("PropertyValue", factor.GetProperty("@type").GetString());
        Assert.Equal("factor", factor.GetProperty("name").GetString());
        Assert.Equal(3.0, factor.GetProperty("value").GetDouble());
        Assert.Equal(["out/scale/scaled.parquet"], Ids(scale, "result"));
        var start = DateTime.Parse(scale.GetProperty("startTime").GetString()!).ToUniversalTime();
        var end = DateTime.Parse(scale.GetProperty("endTime").GetString()!).ToUniversalTime();
        Assert.True(start <= end && end <= DateTime.UtcNow.AddMinutes(1));

        var summary = e["out/sum/summary.json"];
        Assert.Equal("File", summary.GetProperty("@type").GetString());
        Assert.Equal("application/json", summary.GetProperty("encodingFormat").GetString());
        Assert.Equal("xxh128:" + ws.Lock().Stages["sum"].Outputs["summary"].Hash, summary.GetProperty("identifier").GetString());
        Assert.Equal("Dataset", e["out/sum/plots/"].GetProperty("@type").GetString());

        // JSON-LD well-formedness that RO-Crate asks for: every local reference resolves, data entities are parts of the root.
        var root = e["./"];
        foreach (var entity in e.Values)
        {
            foreach (var p in entity.EnumerateObject().Where(p => p.Name != "@id"))
            {
                foreach (var id in LocalRefs(p.Value))
                    Assert.True(e.ContainsKey(id), $"{entity.GetProperty("@id")}.{p.Name} -> {id} is not in the graph");
            }
        }
        var parts = Ids(root, "hasPart").ToHashSet();
        Assert.All(e.Where(kv => kv.Value.GetProperty("@type").GetString() is "File" || (kv.Key != "./" && kv.Value.GetProperty("@type").GetString() == "Dataset")),
            kv => Assert.Contains(kv.Key, parts));
        Assert.Equal(3, e.Values.Count(x => x.GetProperty("@type").GetString() == "CreateAction"));
    }

    private static IEnumerable<string> LocalRefs(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
            return value.EnumerateArray().SelectMany(LocalRefs);
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("@id", out var id) && !id.GetString()!.Contains("://"))
            return [id.GetString()!];
        return [];
    }

    [Fact]
    public void Prov_document_links_outputs_to_activities_and_inputs()
    {
        using var ws = new TempWorkspace(TempWorkspace.Chain);
        ws.Run();
        using var stream = new MemoryStream();
        ProvWriter.Write(ProvenanceGraph.Load(ws.Workspace), stream);
        var doc = JsonDocument.Parse(stream.ToArray()).RootElement;
        Assert.Equal("http://www.w3.org/ns/prov#", doc.GetProperty("@context").GetProperty("prov").GetString());
        var graph = doc.GetProperty("@graph").EnumerateArray().ToDictionary(x => x.GetProperty("@id").GetString()!);
        var scaled = graph["urn:pipeline:artifact:" + ws.Lock().Stages["scale"].Outputs["scaled"].Hash];
        Assert.Equal("urn:pipeline:run:scale", scaled.GetProperty("prov:wasGeneratedBy").GetProperty("@id").GetString());
        Assert.Equal("urn:pipeline:artifact:" + ws.Lock().Stages["gen"].Outputs["numbers"].Hash,
            scaled.GetProperty("prov:wasDerivedFrom")[0].GetProperty("@id").GetString());
        var activity = graph["urn:pipeline:run:scale"];
        Assert.Equal("prov:Activity", activity.GetProperty("@type").GetString());
        Assert.Equal("xsd:dateTime", activity.GetProperty("prov:startedAtTime").GetProperty("@type").GetString());
    }

    [Fact]
    public void Lineage_goes_back_to_raw_files_with_hashes()
    {
        using var ws = new TempWorkspace("""
            stages:
              - name: files
                uses: test-files
                inputs:
                  data: datasets/d
              - name: scale
                uses: test-scale
                inputs:
                  numbers: datasets/t.csv
            """);
        Directory.CreateDirectory(ws.Path("datasets/d"));
        File.WriteAllText(ws.Path("datasets/d/a.txt"), "a");
        File.WriteAllText(ws.Path("datasets/t.csv"), "id,x\n1,2.5\n");
        ws.Run();
        var node = Lineage.Trace(ws.Lock(), "files.files");
        Assert.Equal("files", node.ProducedBy!.Stage);
        var raw = node.ProducedBy.Inputs.Single().Value;
        Assert.Null(raw.ProducedBy);
        Assert.Equal("datasets/d", raw.Artifact);
        Assert.Equal(Hashing.DirectoryHasher.Hash(ws.Path("datasets/d")), raw.Hash);
        var text = Lineage.Text(Lineage.Trace(ws.Lock(), "scale"));
        Assert.Contains("scale.scaled  table", text);
        Assert.Contains("numbers <- datasets/t.csv  table", text);
        Assert.Contains("[raw]", text);
        Assert.Throws<KeyNotFoundException>(() => Lineage.Trace(ws.Lock(), "nope.x"));
    }
}
