using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>Line and column (1-based) of a node in pipeline.yaml.</summary>
public readonly record struct SourceMark(int Line, int Column)
{
    public static SourceMark Of(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);
}

/// <summary>One configuration problem, printed as <c>pipeline.yaml:LINE:COL: message</c> (or <c>--set ...: message</c>
/// for command-line overrides).</summary>
public sealed record ConfigError(string Location, string Message)
{
    public static ConfigError At(string file, SourceMark mark, string message)
        => new($"{file}:{mark.Line}:{mark.Column}", message);

    public override string ToString() => $"{Location}: {Message}";
}

/// <summary>Everything wrong with a pipeline.yaml (validation reports all problems at once, not the first).</summary>
public sealed class ConfigException(IReadOnlyList<ConfigError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<ConfigError> Errors { get; } = errors;
}
