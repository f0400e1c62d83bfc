using System.Text;
using System.Text.Json;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Provenance;

/// <summary>`pipeline lineage ARTIFACT`: the chain from an artifact back to the raw files it was computed from, with
/// the stage, params and hash at every step, as recorded in pipeline.lock.</summary>
public sealed record LineageNode(string Artifact, string Kind, string Hash, string? Path, LineageStep? ProducedBy);

public sealed record LineageStep(string Stage, string Uses, int Version, string Fingerprint,
    IReadOnlyList<KeyValuePair<string, string>> Params, IReadOnlyList<KeyValuePair<string, LineageNode>> Inputs);

public static class Lineage
{
    public static LineageNode Trace(LockFile lockFile, string artifact)
    {
        var dot = artifact.IndexOf('.');
        if (dot <= 0 || !lockFile.Stages.TryGetValue(artifact[..dot], out var stage) || !stage.Outputs.TryGetValue(artifact[(dot + 1)..], out var output))
        {
            if (lockFile.Stages.TryGetValue(artifact, out var only) && only.Outputs.Count == 1)
                return Trace(lockFile, $"{artifact}.{only.Outputs.Keys.First()}");
            var known = lockFile.Stages.SelectMany(s => s.Value.Outputs.Keys.Select(o => $"{s.Key}.{o}"));
            throw new KeyNotFoundException($"no artifact '{artifact}' in pipeline.lock (artifacts: {string.Join(", ", known)})");
        }
        return Node(lockFile, artifact[..dot], artifact[(dot + 1)..], stage, output, new HashSet<string>(StringComparer.Ordinal));
    }

    private static LineageNode Node(LockFile lockFile, string stageName, string outputName, LockedStage stage, StoredArtifact output, HashSet<string> path)
    {
        var name = $"{stageName}.{outputName}";
        if (!path.Add(stageName))
            return new LineageNode(name, StoredArtifact.KindName(output.Kind), output.Hash, output.WorkingPath, null);
        var inputs = new List<KeyValuePair<string, LineageNode>>();
        foreach (var (port, input) in stage.Inputs)
        {
            var dot = input.Source.IndexOf('.');
            LineageNode node;
            if (dot > 0 && !input.Source.Contains('/') && lockFile.Stages.TryGetValue(input.Source[..dot], out var up)
                && up.Outputs.TryGetValue(input.Source[(dot + 1)..], out var upOut))
            {
                node = Node(lockFile, input.Source[..dot], input.Source[(dot + 1)..], up, upOut, path);
                if (node.Hash != input.Hash)
                    node = node with { Artifact = node.Artifact + " (changed since: this stage read " + HashHex.Short(input.Hash) + ")" };
            }
            else
            {
                node = new LineageNode(input.Source, StoredArtifact.KindName(input.Kind), input.Hash, input.Source, null);
            }
            inputs.Add(KeyValuePair.Create(port, node));
        }
        path.Remove(stageName);
        var step = new LineageStep(stageName, stage.Uses, stage.Version, stage.Fingerprint,
            stage.Params.Select(kv => KeyValuePair.Create(kv.Key, ParamText.Display(kv.Value))).ToList(), inputs);
        return new LineageNode(name, StoredArtifact.KindName(output.Kind), output.Hash, output.WorkingPath, step);
    }

    public static string Text(LineageNode root)
    {
        var sb = new StringBuilder();
        Write(root, "", "", sb);
        return sb.ToString();
    }

    private static void Write(LineageNode node, string first, string rest, StringBuilder sb)
    {
        sb.Append(first).Append(node.Artifact).Append("  ").Append(node.Kind).Append(' ').Append(node.Hash);
        if (node.ProducedBy is null)
            sb.Append("  [raw]");
        sb.Append('\n');
        if (node.ProducedBy is not { } step)
            return;
        var parameters = step.Params.Count == 0 ? "" : "; " + string.Join(", ", step.Params.Select(p => $"{p.Key}={p.Value}"));
        sb.Append(rest).Append("└─ ").Append(step.Stage).Append(" (").Append(step.Uses).Append(" v").Append(step.Version)
          .Append(", fingerprint ").Append(HashHex.Short(step.Fingerprint)).Append(parameters).Append(")\n");
        for (int i = 0; i < step.Inputs.Count; i++)
        {
            bool last = i == step.Inputs.Count - 1;
            var (port, input) = step.Inputs[i];
            var childRest = rest + "   " + (last ? "   " : "│  ");
            sb.Append(rest).Append("   ").Append(last ? "└─ " : "├─ ").Append(port).Append(" <- ");
            Write(input, "", childRest, sb);
        }
    }

    public static void Json(LineageNode root, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteJson(root, json);
    }

    private static void WriteJson(LineageNode node, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("artifact", node.Artifact);
        json.WriteString("kind", node.Kind);
        json.WriteString("hash", node.Hash);
        if (node.Path is not null)
            json.WriteString("path", node.Path);
        json.WriteBoolean("raw", node.ProducedBy is null);
        if (node.ProducedBy is { } step)
        {
            json.WriteStartObject("produced_by");
            json.WriteString("stage", step.Stage);
            json.WriteString("uses", step.Uses);
            json.WriteNumber("version", step.Version);
            json.WriteString("fingerprint", step.Fingerprint);
            json.WriteStartObject("params");
            foreach (var (k, v) in step.Params)
                json.WriteString(k, v);
            json.WriteEndObject();
            json.WriteStartObject("inputs");
            foreach (var (port, input) in step.Inputs)
            {
                json.WritePropertyName(port);
                WriteJson(input, json);
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
