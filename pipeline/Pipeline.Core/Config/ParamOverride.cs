namespace Pipeline.Core.Config;

/// <summary>A command-line override <c>--set STAGE.PARAM=VALUE</c>; the value is parsed by the param's type like a
/// pipeline.yaml value and recorded in the lock like any param.</summary>
public sealed record ParamOverride(string Stage, string Param, string Value)
{
    public string Text => $"--set {Stage}.{Param}={Value}";

    public static ParamOverride Parse(string text)
    {
        int eq = text.IndexOf('=');
        int dot = eq < 0 ? -1 : text.IndexOf('.', 0, eq);
        if (eq < 0 || dot <= 0 || dot == eq - 1)
            throw new ConfigException([new ConfigError($"--set {text}", "expected STAGE.PARAM=VALUE, e.g. --set fit.cv=10")]);
        return new ParamOverride(text[..dot], text[(dot + 1)..eq], text[(eq + 1)..]);
    }

    public static IReadOnlyList<ParamOverride> ParseAll(IEnumerable<string>? texts)
        => texts?.Select(Parse).ToList() ?? [];
}
