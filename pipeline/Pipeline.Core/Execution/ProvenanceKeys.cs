using System.Globalization;
using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Parquet;

namespace Pipeline.Core.Execution;

/// <summary>Builds <see cref="StageContext.Provenance"/> and the Parquet footer key-values of table outputs.</summary>
public static class ProvenanceKeys
{
    public static Dictionary<string, string> ForRun(string stage, IStage type, string paramsHash, string paramsJson,
        string? fingerprint, IReadOnlyDictionary<string, string> inputHashes, string? gitCommit, DateTime createdUtc)
    {
        var p = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["stage"] = stage,
            ["stage_type"] = type.Type,
            ["stage_version"] = type.Version.ToString(CultureInfo.InvariantCulture),
            ["params_hash"] = paramsHash,
            ["params"] = paramsJson,
            ["input_hashes"] = InputJson(inputHashes),
            ["tool_version"] = ToolInfo.Version,
            ["created_utc"] = createdUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        };
        if (fingerprint is not null)
            p["fingerprint"] = fingerprint;
        if (gitCommit is not null)
            p["git_commit"] = gitCommit;
        return p;
    }

    /// <summary>Footer key-values: the stage's own table metadata, then the engine's provenance keys (prefixed
    /// "pipeline."; a stage cannot override them), the column units, and last the footer seal over all of them.</summary>
    public static IReadOnlyDictionary<string, string> TableMetadata(IReadOnlyDictionary<string, string> provenance,
        PortSpec port, Table table, string contentHash)
    {
        var m = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in table.Metadata)
        {
            if (!k.StartsWith(ArtifactMetadata.Prefix, StringComparison.Ordinal))
                m[k] = v;
        }
        foreach (var (k, v) in provenance)
            m[ArtifactMetadata.Prefix + k] = v;
        m[ArtifactMetadata.Artifact] = $"{provenance.GetValueOrDefault("stage", "?")}.{port.Name}";
        m[ArtifactMetadata.SchemaVersion] = table.Metadata.GetValueOrDefault(ArtifactMetadata.StageSchemaVersionKey, "1");
        m[ArtifactMetadata.ContentHash] = contentHash;
        if (ColumnUnits.FooterValue(table) is { } units)
            m[ArtifactMetadata.Units] = units;
        return FooterDigest.Seal(m);
    }

    private static string InputJson(IReadOnlyDictionary<string, string> inputs)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var (k, v) in inputs.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!first)
                sb.Append(',');
            first = false;
            sb.Append('"').Append(k.Replace("\"", "\\\"")).Append("\":\"").Append(v).Append('"');
        }
        return sb.Append('}').ToString();
    }
}
