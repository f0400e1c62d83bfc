namespace Pipeline.Core.Parquet;

/// <summary>Key names of the provenance key-values the engine writes into every Parquet footer.</summary>
public static class ArtifactMetadata
{
    public const string Prefix = "pipeline.";
    public const string Artifact = "pipeline.artifact";
    public const string SchemaVersion = "pipeline.schema_version";
    public const string ContentHash = "pipeline.content_hash";
    public const string Stage = "pipeline.stage";
    public const string StageType = "pipeline.stage_type";
    public const string StageVersion = "pipeline.stage_version";
    public const string ParamsHash = "pipeline.params_hash";
    public const string Params = "pipeline.params";
    public const string InputHashes = "pipeline.input_hashes";
    public const string Fingerprint = "pipeline.fingerprint";
    public const string ToolVersion = "pipeline.tool_version";
    public const string GitCommit = "pipeline.git_commit";
    public const string CreatedUtc = "pipeline.created_utc";
    /// <summary>JSON object {"column": "unit"} of the columns that declare a unit (<see cref="Abstractions.Column.Unit"/>).</summary>
    public const string Units = "pipeline.units";
    /// <summary>Hash of every other footer key-value (<see cref="FooterDigest"/>): makes an edited footer detectable.</summary>
    public const string FooterHash = "pipeline.footer_hash";

    /// <summary>Key a stage may set in <c>Table.Metadata</c> to version its table schema (default "1").</summary>
    public const string StageSchemaVersionKey = "schema_version";
}
