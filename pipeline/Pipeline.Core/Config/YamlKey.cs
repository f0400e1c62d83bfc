using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>Mapping keys of pipeline.yaml. YAML allows any node as a key (<c>? [a, b] : 1</c>); ours are names, so a
/// list or mapping key is reported at its position instead of being cast to a scalar.</summary>
public static class YamlKey
{
    /// <summary>The key's text, or null after reporting why it is not a plain name.</summary>
    public static string? Text(YamlNode key, Action<YamlNode, string> error)
    {
        if (key is YamlScalarNode scalar)
            return scalar.Value ?? "";
        error(key, $"a key must be a plain name, got {(key is YamlSequenceNode ? "a list" : "a mapping")}");
        return null;
    }
}
