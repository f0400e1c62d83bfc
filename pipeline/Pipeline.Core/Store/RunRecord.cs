using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Core.Store;

/// <summary>What one computation of a stage produced and when: the run-cache entry for its fingerprint and the
/// source of start/end times for provenance. Stored as .pipeline/runs/FINGERPRINT.json.</summary>
public sealed class RunRecord
{
    public string Schema { get; set; } = "run-record/1";
    public string Stage { get; set; } = "";
    public string Uses { get; set; } = "";
    public int Version { get; set; }
    public string Fingerprint { get; set; } = "";
    public string ParamsHash { get; set; } = "";
    public SortedDictionary<string, string> Params { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, RecordedInput> Inputs { get; set; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, RecordedOutput> Outputs { get; set; } = new(StringComparer.Ordinal);
    public DateTime StartedUtc { get; set; }
    public DateTime FinishedUtc { get; set; }
    public double DurationSeconds { get; set; }
    public int Parallelism { get; set; }
    public string ToolVersion { get; set; } = "";
    public string? GitCommit { get; set; }

    public sealed class RecordedInput
    {
        public string Source { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Hash { get; set; } = "";
    }

    public sealed class RecordedOutput
    {
        public string Kind { get; set; } = "";
        public string Hash { get; set; } = "";
        public string Path { get; set; } = "";
    }

    public IEnumerable<(string Name, StoredArtifact Artifact)> Artifacts()
        => Outputs.Select(kv => (kv.Key, new StoredArtifact(StoredArtifact.ParseKind(kv.Value.Kind), kv.Value.Hash, kv.Value.Path)));

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>The run-cache: records by fingerprint. A fingerprint seen before lets `run` restore outputs instead of
/// recomputing them (params changed and changed back).</summary>
public sealed class RunCache
{
    private readonly Workspace _workspace;

    public RunCache(Workspace workspace) => _workspace = workspace;

    public string PathOf(string fingerprint) => Path.Combine(_workspace.RunsDir, fingerprint + ".json");

    public RunRecord? Find(string fingerprint)
    {
        var path = PathOf(fingerprint);
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), RunRecord.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(RunRecord record)
    {
        Directory.CreateDirectory(_workspace.RunsDir);
        AtomicFile.WriteAllText(PathOf(record.Fingerprint), JsonSerializer.Serialize(record, RunRecord.Json));
    }

    public IEnumerable<(string Path, RunRecord? Record)> All()
    {
        if (!Directory.Exists(_workspace.RunsDir))
            yield break;
        foreach (var file in Directory.EnumerateFiles(_workspace.RunsDir, "*.json"))
        {
            RunRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(file), RunRecord.Json);
            }
            catch (JsonException)
            {
                record = null;
            }
            yield return (file, record);
        }
    }
}
