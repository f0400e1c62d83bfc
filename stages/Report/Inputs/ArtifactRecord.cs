using Pipeline.Abstractions;

namespace Pipeline.Report.Inputs;

/// <summary>What the report knows about where one input came from: its content hash and the provenance
/// key-values the engine stored with it (Parquet footer for tables, top-level JSON fields for model files).</summary>
public sealed record ArtifactRecord(string Port, PortKind Kind, string Hash, IReadOnlyDictionary<string, string> Metadata)
{
    public string? ProducingStage => ProvenanceKeys.Find(Metadata, ProvenanceKeys.Stage);
    public string? StageType => ProvenanceKeys.Find(Metadata, ProvenanceKeys.StageType);
    public string? ParamsHash => ProvenanceKeys.Find(Metadata, ProvenanceKeys.ParamsHash);
    public string? Parameters => ProvenanceKeys.Find(Metadata, ProvenanceKeys.Params);
    public string? ToolVersion => ProvenanceKeys.Find(Metadata, ProvenanceKeys.ToolVersion);
    /// <summary>Metadata keys not shown in their own column, clock readings left out (see <see cref="ProvenanceKeys.IsTime"/>).</summary>
    public IEnumerable<KeyValuePair<string, string>> OtherMetadata => Metadata
        .Where(kv => !ProvenanceKeys.IsKnown(kv.Key) && !ProvenanceKeys.IsTime(kv.Key))
        .OrderBy(kv => kv.Key, StringComparer.Ordinal);
}
