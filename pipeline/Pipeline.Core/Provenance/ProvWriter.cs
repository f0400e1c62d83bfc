using System.Globalization;
using System.Text.Json;

namespace Pipeline.Core.Provenance;

/// <summary>`pipeline provenance --format prov`: W3C PROV-O in JSON-LD. Artifacts are prov:Entity (identified by
/// content hash), stage runs prov:Activity (used, startedAtTime, endedAtTime, wasAssociatedWith the stage type as a
/// prov:SoftwareAgent), outputs wasGeneratedBy their run and wasDerivedFrom its inputs.</summary>
public static class ProvWriter
{
    public static void Write(ProvenanceGraph graph, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartObject("@context");
        json.WriteString("prov", "http://www.w3.org/ns/prov#");
        json.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
        json.WriteString("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        json.WriteString("pipeline", "urn:pipeline:");
        json.WriteEndObject();
        json.WriteStartArray("@graph");

        var entities = new Dictionary<string, ArtifactEntry>(StringComparer.Ordinal);
        foreach (var run in graph.Runs)
        {
            foreach (var a in run.Inputs.Concat(run.Outputs))
                entities.TryAdd(EntityId(a), a);
        }
        foreach (var (id, a) in entities.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("@id", id);
            json.WriteString("@type", "prov:Entity");
            json.WriteString("rdfs:label", a.Source);
            json.WriteString("prov:atLocation", a.Path);
            var producer = graph.Runs.FirstOrDefault(r => r.Outputs.Any(o => EntityId(o) == id));
            if (producer is not null)
            {
                Ref(json, "prov:wasGeneratedBy", ActivityId(producer.Stage));
                json.WriteStartArray("prov:wasDerivedFrom");
                foreach (var input in producer.Inputs)
                {
                    json.WriteStartObject();
                    json.WriteString("@id", EntityId(input));
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        foreach (var (uses, version) in graph.Runs.Select(r => (r.Uses, r.Version)).Distinct())
        {
            json.WriteStartObject();
            json.WriteString("@id", AgentId(uses, version));
            json.WritePropertyName("@type");
            json.WriteStartArray();
            json.WriteStringValue("prov:Agent");
            json.WriteStringValue("prov:SoftwareAgent");
            json.WriteEndArray();
            json.WriteString("rdfs:label", $"{uses} v{version}");
            json.WriteEndObject();
        }
        foreach (var run in graph.Runs)
        {
            json.WriteStartObject();
            json.WriteString("@id", ActivityId(run.Stage));
            json.WriteString("@type", "prov:Activity");
            json.WriteString("rdfs:label", $"stage {run.Stage} ({run.Uses})");
            if (run.StartedUtc is { } s)
                Time(json, "prov:startedAtTime", s);
            if (run.FinishedUtc is { } e)
                Time(json, "prov:endedAtTime", e);
            Ref(json, "prov:wasAssociatedWith", AgentId(run.Uses, run.Version));
            json.WriteStartArray("prov:used");
            foreach (var input in run.Inputs)
            {
                json.WriteStartObject();
                json.WriteString("@id", EntityId(input));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("pipeline:params");
            foreach (var p in run.Params)
            {
                json.WritePropertyName(p.Name);
                RoCrateWriter.WriteValue(json, p.Value);
            }
            json.WriteEndObject();
            json.WriteString("pipeline:fingerprint", run.Fingerprint);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string EntityId(ArtifactEntry a) => "urn:pipeline:artifact:" + a.Hash;
    public static string ActivityId(string stage) => "urn:pipeline:run:" + stage;
    private static string AgentId(string uses, int version) => $"urn:pipeline:stage-type:{uses}:v{version}";

    private static void Ref(Utf8JsonWriter json, string property, string id)
    {
        json.WriteStartObject(property);
        json.WriteString("@id", id);
        json.WriteEndObject();
    }

    private static void Time(Utf8JsonWriter json, string property, DateTime t)
    {
        json.WriteStartObject(property);
        json.WriteString("@value", DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        json.WriteString("@type", "xsd:dateTime");
        json.WriteEndObject();
    }
}
