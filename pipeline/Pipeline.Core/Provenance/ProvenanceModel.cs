using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Store;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Provenance;

/// <summary>The committed state of a workspace as a provenance graph: every stage of pipeline.lock with its type,
/// params, inputs, outputs, and start/end times from its run record.</summary>
public sealed record ProvenanceGraph(string WorkspaceName, string? GitCommit, IReadOnlyList<StageRun> Runs)
{
    public static ProvenanceGraph Load(Workspace workspace)
    {
        var lockFile = LockFile.Load(workspace.LockPath);
        var runs = new RunCache(workspace);
        var list = new List<StageRun>();
        foreach (var (name, stage) in lockFile.Stages)
        {
            var record = runs.Find(stage.Fingerprint);
            list.Add(new StageRun(
                name, stage.Uses, stage.Version, stage.Fingerprint, stage.ParamsHash,
                stage.Params.Select(kv => new ParamEntry(kv.Key, ParamText.Display(kv.Value), Typed(kv.Value))).ToList(),
                stage.Inputs.Select(kv => new ArtifactEntry(kv.Key, kv.Value.Source, kv.Value.Kind, kv.Value.Hash,
                    IsUpstream(lockFile, kv.Value.Source) ? WorkingPathOf(lockFile, kv.Value.Source) : kv.Value.Source,
                    !IsUpstream(lockFile, kv.Value.Source))).ToList(),
                stage.Outputs.Select(kv => new ArtifactEntry(kv.Key, $"{name}.{kv.Key}", kv.Value.Kind, kv.Value.Hash, kv.Value.WorkingPath, false)).ToList(),
                record?.StartedUtc, record?.FinishedUtc, record?.ToolVersion, record?.GitCommit));
        }
        return new ProvenanceGraph(Path.GetFileName(workspace.Root), Execution.GitInfo.FindCommit(workspace.Root), list);
    }

    private static bool IsUpstream(LockFile lockFile, string source)
    {
        var dot = source.IndexOf('.');
        return dot > 0 && !source.Contains('/') && lockFile.Stages.TryGetValue(source[..dot], out var s) && s.Outputs.ContainsKey(source[(dot + 1)..]);
    }

    private static string WorkingPathOf(LockFile lockFile, string source)
    {
        var dot = source.IndexOf('.');
        return lockFile.Stages[source[..dot]].Outputs[source[(dot + 1)..]].WorkingPath;
    }

    /// <summary>A lock param node as a JSON-friendly value: long, double, bool, string, or object[] for lists.</summary>
    private static object Typed(YamlNode node)
    {
        if (node is YamlSequenceNode seq)
            return seq.Children.Select(Typed).ToArray();
        if (node is not YamlScalarNode { Value: { } text } scalar)
            return node.ToString();
        if (scalar.Style is ScalarStyle.DoubleQuoted or ScalarStyle.SingleQuoted)
            return text;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return l;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return d;
        if (text is "true" or "false")
            return text == "true";
        return text;
    }
}

public sealed record StageRun(string Stage, string Uses, int Version, string Fingerprint, string ParamsHash,
    IReadOnlyList<ParamEntry> Params, IReadOnlyList<ArtifactEntry> Inputs, IReadOnlyList<ArtifactEntry> Outputs,
    DateTime? StartedUtc, DateTime? FinishedUtc, string? ToolVersion, string? GitCommit);

public sealed record ParamEntry(string Name, string Display, object Value);

/// <summary>An input or output: port name, source (<c>stage.output</c> or raw path), kind, hash, and the
/// workspace-relative path where a user finds it.</summary>
public sealed record ArtifactEntry(string Port, string Source, PortKind Kind, string Hash, string Path, bool IsRaw);
