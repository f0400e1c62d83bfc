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
        // A lock that exists is the record of committed work: reading a damaged one as "no stages" would make
        // `status` call everything never-run and `gc` delete every object. So anything but a valid lock is an error.
        if (stream.Documents.Count == 0)
            throw new InvalidDataException($"{sourceName}: the lock file is empty (a lock written by `pipeline run` has 'schema' and 'stages'); "
                                           + "restore it from version control, or delete it to start over");
        if (stream.Documents.Count > 1)
            throw new InvalidDataException($"{sourceName}: holds {stream.Documents.Count} YAML documents, a lock has one");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{sourceName}:{stream.Documents[0].RootNode.Start.Line}:{stream.Documents[0].RootNode.Start.Column}: "
                                           + "the lock file is not a mapping of 'schema' and 'stages'");
        var schema = Scalar(root, "schema", sourceName);
        if (schema != SchemaName)
            throw new InvalidDataException($"{sourceName}: unsupported lock schema '{schema}' (expected {SchemaName})");
        if (!root.Children.TryGetValue(new YamlScalarNode("stages"), out var stagesNode))
            throw new InvalidDataException($"{sourceName}:{root.Start.Line}:{root.Start.Column}: missing 'stages'");
        if (stagesNode is YamlScalarNode { Value: null or "" } && stagesNode.Tag.IsEmpty)
            return lockFile; // "stages:" with nothing after it: a lock of no stages
        if (stagesNode is not YamlMappingNode stages)
            throw new InvalidDataException($"{sourceName}:{stagesNode.Start.Line}:{stagesNode.Start.Column}: 'stages' is not a mapping of stage names");
        foreach (var (key, value) in stages.Children)
        {
            var name = key is YamlScalarNode { Value: { Length: > 0 } n } ? n
                : throw new InvalidDataException($"{sourceName}:{key.Start.Line}:{key.Start.Column}: a stage name must be a plain string");
            if (value is not YamlMappingNode map)
                throw new InvalidDataException($"{sourceName}:{value.Start.Line}:{value.Start.Column}: stage '{name}' is not a mapping");
            lockFile.Stages[name] = LockedStage.FromNode(map, sourceName);
        }
        return lockFile;
    }

    internal static YamlMappingNode Mapping(YamlNode node, string what, string sourceName)
        => node as YamlMappingNode
           ?? throw new InvalidDataException($"{sourceName}:{node.Start.Line}:{node.Start.Column}: {what} is not a mapping");

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
            Version = Int(map, "version", source),
            Fingerprint = LockFile.Scalar(map, "fingerprint", source),
            ParamsHash = LockFile.Scalar(map, "params_hash", source),
        };
        foreach (var (k, v) in Children(map, "params", source))
            stage.Params[k] = v;
        foreach (var (k, v) in Children(map, "inputs", source))
        {
            var m = LockFile.Mapping(v, $"input '{k}'", source);
            stage.Inputs[k] = new LockedInput(LockFile.Scalar(m, "source", source), Kind(m, source), Hash(m, source));
        }
        foreach (var (k, v) in Children(map, "outputs", source))
        {
            var m = LockFile.Mapping(v, $"output '{k}'", source);
            stage.Outputs[k] = new StoredArtifact(Kind(m, source), Hash(m, source), LockFile.Scalar(m, "path", source));
        }
        return stage;
    }

    private static int Int(YamlMappingNode map, string key, string source)
    {
        var text = LockFile.Scalar(map, key, source);
        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new InvalidDataException($"{source}:{map.Start.Line}:{map.Start.Column}: '{key}' must be an integer, got '{text}'");
    }

    private static PortKind Kind(YamlMappingNode map, string source)
    {
        try
        {
            return StoredArtifact.ParseKind(LockFile.Scalar(map, "kind", source));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{source}:{map.Start.Line}:{map.Start.Column}: {e.Message}", e);
        }
    }

    /// <summary>A content hash: it becomes part of a store path, so anything else is refused here.</summary>
    private static string Hash(YamlMappingNode map, string source)
    {
        var text = LockFile.Scalar(map, "hash", source);
        return Hashing.HashHex.IsHash(text)
            ? text
            : throw new InvalidDataException($"{source}:{map.Start.Line}:{map.Start.Column}: '{text}' is not a content hash (32 hex digits)");
    }

    private static IEnumerable<(string Key, YamlNode Value)> Children(YamlMappingNode map, string key, string source)
    {
        if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node))
            yield break;
        if (node is YamlScalarNode { Value: null or "" })
            yield break;
        foreach (var (k, v) in LockFile.Mapping(node, $"'{key}'", source).Children)
        {
            yield return (k is YamlScalarNode { Value: { } name } ? name
                : throw new InvalidDataException($"{source}:{k.Start.Line}:{k.Start.Column}: a key of '{key}' must be a plain string"), v);
        }
    }
}

/// <summary>An input as it was when the stage ran: where it came from (<c>stage.output</c> or a raw path), its kind and hash.</summary>
public sealed record LockedInput(string Source, PortKind Kind, string Hash);
