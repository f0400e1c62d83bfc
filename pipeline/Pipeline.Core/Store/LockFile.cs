using Pipeline.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Store;

/// <summary>pipeline.lock: per stage the fingerprint, params, input hashes and output hashes of its last committed
/// run. YAML with every mapping sorted so that diffs show exactly what changed.</summary>
public sealed class LockFile
{
    public const string SchemaName = "pipeline-lock/1";
    private const string Header = "# pipeline.lock: written by `pipeline run` after each stage commits; commit it with pipeline.yaml.\n"
                                  + "# Sorted for clean diffs. Do not edit by hand.\n";

    public SortedDictionary<string, LockedStage> Stages { get; } = new(StringComparer.Ordinal);

    public static LockFile Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : new LockFile();

    public void Save(string path) => AtomicFile.WriteAllText(path, ToYaml());

    public string ToYaml()
    {
        var stages = new YamlMappingNode();
        foreach (var (name, stage) in Stages)
            stages.Add(name, stage.ToNode());
        var root = new YamlMappingNode { { "schema", SchemaName }, { "stages", stages } };
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false);
        new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet closes each document with "...": valid YAML, but noise in a diff.
        if (text.EndsWith("...\n", StringComparison.Ordinal))
            text = text[..^4];
        return Header + text;
    }

    public static LockFile Parse(string text, string sourceName)
    {
        var lockFile = new LockFile();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{sourceName}:{e.Start.Line}:{e.Start.Column}: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return lockFile;
        var schema = Scalar(root, "schema", sourceName);
        if (schema != SchemaName)
            throw new InvalidDataException($"{sourceName}: unsupported lock schema '{schema}' (expected {SchemaName})");
        if (root.Children.TryGetValue(new YamlScalarNode("stages"), out var stagesNode) && stagesNode is YamlMappingNode stages)
        {
            foreach (var (key, value) in stages.Children)
                lockFile.Stages[((YamlScalarNode)key).Value!] = LockedStage.FromNode((YamlMappingNode)value, sourceName);
        }
        return lockFile;
    }

    internal static string Scalar(YamlMappingNode map, string key, string sourceName)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } v })
            return v;
        throw new InvalidDataException($"{sourceName}:{map.Start.Line}:{map.Start.Column}: missing '{key}'");
    }
}

/// <summary>The committed state of one stage.</summary>
public sealed class LockedStage
{
    public required string Uses { get; init; }
    public required int Version { get; init; }
    public required string Fingerprint { get; init; }
    public required string ParamsHash { get; init; }

    /// <summary>Param values as YAML nodes (typed scalars and flow sequences).</summary>
    public SortedDictionary<string, YamlNode> Params { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, LockedInput> Inputs { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, StoredArtifact> Outputs { get; } = new(StringComparer.Ordinal);

    internal YamlMappingNode ToNode()
    {
        var parameters = new YamlMappingNode();
        foreach (var (k, v) in Params)
            parameters.Add(k, v);
        var inputs = new YamlMappingNode();
        foreach (var (k, v) in Inputs)
            inputs.Add(k, new YamlMappingNode { { "source", v.Source }, { "kind", StoredArtifact.KindName(v.Kind) }, { "hash", v.Hash } });
        var outputs = new YamlMappingNode();
        foreach (var (k, v) in Outputs)
            outputs.Add(k, new YamlMappingNode { { "kind", StoredArtifact.KindName(v.Kind) }, { "hash", v.Hash }, { "path", v.WorkingPath } });
        return new YamlMappingNode
        {
            { "uses", Uses },
            { "version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            { "fingerprint", Fingerprint },
            { "params_hash", ParamsHash },
            { "params", parameters },
            { "inputs", inputs },
            { "outputs", outputs },
        };
    }

    internal static LockedStage FromNode(YamlMappingNode map, string source)
    {
        var stage = new LockedStage
        {
            Uses = LockFile.Scalar(map, "uses", source),
            Version = int.Parse(LockFile.Scalar(map, "version", source), System.Globalization.CultureInfo.InvariantCulture),
            Fingerprint = LockFile.Scalar(map, "fingerprint", source),
            ParamsHash = LockFile.Scalar(map, "params_hash", source),
        };
        foreach (var (k, v) in Children(map, "params"))
            stage.Params[k] = v;
        foreach (var (k, v) in Children(map, "inputs"))
        {
            var m = (YamlMappingNode)v;
            stage.Inputs[k] = new LockedInput(LockFile.Scalar(m, "source", source),
                StoredArtifact.ParseKind(LockFile.Scalar(m, "kind", source)), LockFile.Scalar(m, "hash", source));
        }
        foreach (var (k, v) in Children(map, "outputs"))
        {
            var m = (YamlMappingNode)v;
            stage.Outputs[k] = new StoredArtifact(StoredArtifact.ParseKind(LockFile.Scalar(m, "kind", source)),
                LockFile.Scalar(m, "hash", source), LockFile.Scalar(m, "path", source));
        }
        return stage;
    }

    private static IEnumerable<(string Key, YamlNode Value)> Children(YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode m)
        {
            foreach (var (k, v) in m.Children)
                yield return (((YamlScalarNode)k).Value!, v);
        }
    }
}

/// <summary>An input as it was when the stage ran: where it came from (<c>stage.output</c> or a raw path), its kind and hash.</summary>
public sealed record LockedInput(string Source, PortKind Kind, string Hash);
