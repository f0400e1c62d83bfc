using System.Globalization;
using System.Text.Json;
using Pipeline.Abstractions;

namespace Pipeline.Core.Provenance;

/// <summary>`pipeline provenance --format ro-crate`: an RO-Crate 1.1 metadata document (JSON-LD). Each stage is a
/// CreateAction with its stage type as instrument (a SoftwareApplication), its inputs and params (PropertyValue) as
/// object, its outputs as result, and start/end times; files and folders are data entities of the root Dataset.</summary>
public static class RoCrateWriter
{
    public const string Context = "https://w3id.org/ro/crate/1.1/context";
    public const string Profile = "https://w3id.org/ro/crate/1.1";

    public static void Write(ProvenanceGraph graph, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("@context", Context);
        json.WriteStartArray("@graph");

        json.WriteStartObject();
        json.WriteString("@id", "ro-crate-metadata.json");
        json.WriteString("@type", "CreativeWork");
        Ref(json, "conformsTo", Profile);
        Ref(json, "about", "./");
        json.WriteEndObject();

        var data = DataEntities(graph);
        json.WriteStartObject();
        json.WriteString("@id", "./");
        json.WriteString("@type", "Dataset");
        json.WriteString("name", $"Pipeline run: {graph.WorkspaceName}");
        json.WriteString("description", "Artifacts of a `pipeline run` and the stage executions that produced them (from pipeline.lock).");
        json.WriteString("datePublished", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        if (graph.GitCommit is not null)
            json.WriteString("version", graph.GitCommit);
        Refs(json, "hasPart", data.Keys);
        Refs(json, "mentions", graph.Runs.Select(r => RunId(r.Stage)));
        json.WriteEndObject();

        json.WriteStartObject();
        json.WriteString("@id", "#pipeline-tool");
        json.WriteString("@type", "SoftwareApplication");
        json.WriteString("name", "pipeline");
        json.WriteString("version", graph.Runs.Select(r => r.ToolVersion).FirstOrDefault(v => v is not null) ?? Execution.ToolInfo.Version);
        json.WriteEndObject();

        foreach (var (uses, version) in graph.Runs.Select(r => (r.Uses, r.Version)).Distinct().OrderBy(t => t.Uses, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@id", TypeId(uses, version));
            json.WriteString("@type", "SoftwareApplication");
            json.WriteString("name", uses);
            json.WriteString("version", version.ToString(CultureInfo.InvariantCulture));
            Ref(json, "isPartOf", "#pipeline-tool");
            json.WriteEndObject();
        }

        foreach (var (id, entity) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@id", id);
            json.WriteString("@type", entity.Kind == PortKind.Directory ? "Dataset" : "File");
            json.WriteString("name", entity.Name);
            json.WriteString("identifier", "xxh128:" + entity.Hash);
            if (entity.Format is not null)
                json.WriteString("encodingFormat", entity.Format);
            json.WriteEndObject();
        }

        foreach (var run in graph.Runs)
        {
            foreach (var p in run.Params)
            {
                json.WriteStartObject();
                json.WriteString("@id", ParamId(run.Stage, p.Name));
                json.WriteString("@type", "PropertyValue");
                json.WriteString("name", p.Name);
                json.WritePropertyName("value");
                WriteValue(json, p.Value);
                json.WriteEndObject();
            }
            json.WriteStartObject();
            json.WriteString("@id", RunId(run.Stage));
            json.WriteString("@type", "CreateAction");
            json.WriteString("name", $"Run stage {run.Stage} ({run.Uses})");
            json.WriteString("identifier", "fingerprint:" + run.Fingerprint);
            Ref(json, "instrument", TypeId(run.Uses, run.Version));
            Refs(json, "object", run.Inputs.Select(i => EntityId(i)).Concat(run.Params.Select(p => ParamId(run.Stage, p.Name))));
            Refs(json, "result", run.Outputs.Select(o => EntityId(o)));
            if (run.StartedUtc is { } start)
                json.WriteString("startTime", Time(start));
            if (run.FinishedUtc is { } end)
                json.WriteString("endTime", Time(end));
            Ref(json, "actionStatus", "http://schema.org/CompletedActionStatus");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private sealed record DataEntity(string Name, PortKind Kind, string Hash, string? Format);

    private static Dictionary<string, DataEntity> DataEntities(ProvenanceGraph graph)
    {
        var result = new Dictionary<string, DataEntity>(StringComparer.Ordinal);
        foreach (var run in graph.Runs)
        {
            foreach (var a in run.Inputs.Concat(run.Outputs))
                result.TryAdd(EntityId(a), new DataEntity(a.IsRaw ? a.Source : a.Source, a.Kind, a.Hash, Format(a)));
        }
        return result;
    }

    /// <summary>Data entity ids are workspace-relative paths (folders end with '/'), as RO-Crate asks.</summary>
    public static string EntityId(ArtifactEntry a)
    {
        var path = a.Path.Replace('\\', '/');
        if (path.StartsWith('/'))
            path = "file://" + path;
        return a.Kind == PortKind.Directory && !path.EndsWith('/') ? path + "/" : path;
    }

    private static string? Format(ArtifactEntry a)
    {
        if (a.Kind == PortKind.Table)
            return a.Path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/vnd.apache.parquet";
        if (a.Kind == PortKind.Directory)
            return null;
        return Path.GetExtension(a.Path).ToLowerInvariant() switch
        {
            ".json" => "application/json",
            ".html" => "text/html",
            ".yaml" or ".yml" => "application/yaml",
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            ".zip" => "application/zip",
            ".csv" => "text/csv",
            _ => null,
        };
    }

    public static string RunId(string stage) => "#run-" + stage;
    public static string ParamId(string stage, string param) => $"#param-{stage}-{param}";
    public static string TypeId(string uses, int version) => $"#stage-type-{uses}-v{version}";

    private static string Time(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void Ref(Utf8JsonWriter json, string property, string id)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", id);
        json.WriteEndObject();
    }

    private static void Refs(Utf8JsonWriter json, string property, IEnumerable<string> ids)
    {
        json.WriteStartArray(property);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@id", id);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    internal static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case long l:
                json.WriteNumberValue(l);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case double d:
                json.WriteStringValue(Config.ParamText.Number(d));
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case object[] items:
                json.WriteStartArray();
                foreach (var item in items)
                    WriteValue(json, item);
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }
}
