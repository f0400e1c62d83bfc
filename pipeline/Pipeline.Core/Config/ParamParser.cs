using System.Globalization;
using Pipeline.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>Typed parsing and range checks of param values, from pipeline.yaml nodes or from command-line strings
/// (<c>--set</c>, one-off commands), with one set of rules: ints are integer literals, floats any number (or .nan,
/// .inf), bools true/false, enums one of the allowed strings, lists YAML sequences (or comma-separated on the command
/// line). A quoted "5" is a string, not a number: `cv: five` and `cv: "5"` are both errors for an int param. Floats
/// must be finite unless the declaration allows otherwise; lists may require a size and distinct values.</summary>
public static class ParamParser
{
    /// <summary>The typed value, or the reason it is not acceptable (no param name in it: callers add context).</summary>
    public readonly record struct Result(object? Value, string? Error)
    {
        public static Result Ok(object value) => new(value, null);
        public static Result Fail(string error) => new(null, error);
    }

    public static Result Parse(ParamSpec spec, YamlNode node)
    {
        var result = node switch
        {
            YamlScalarNode scalar when IsList(spec.Type) => Result.Fail($"expects a list like [{Example(spec.Type)}], got '{scalar.Value}'"),
            YamlScalarNode scalar => ParseScalar(spec, ElementType(spec.Type), scalar.Value ?? "", scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted),
            YamlSequenceNode seq when IsList(spec.Type) => ParseList(spec, seq.Children.Select(c => c as YamlScalarNode).ToList()),
            YamlSequenceNode => Result.Fail($"expects {Describe(spec)}, got a list"),
            _ => Result.Fail($"expects {Describe(spec)}, got a mapping"),
        };
        return result.Error is null ? CheckRange(spec, result.Value!) : result;
    }

    /// <summary>Parses a command-line string. String and enum params take the text as is; lists take "[a, b]"
    /// (YAML flow) or "a,b".</summary>
    public static Result ParseText(ParamSpec spec, string text)
    {
        Result result;
        if (IsList(spec.Type))
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith('['))
            {
                YamlNode node;
                try
                {
                    var stream = new YamlStream();
                    stream.Load(new StringReader(trimmed));
                    node = stream.Documents[0].RootNode;
                }
                catch (YamlException e)
                {
                    return Result.Fail($"'{text}' is not a list: {e.Message}");
                }
                return Parse(spec, node);
            }
            var items = trimmed.Length == 0 ? [] : trimmed.Split(',').Select(s => new YamlScalarNode(s.Trim())).ToList();
            result = ParseList(spec, items!);
        }
        else
        {
            result = ParseScalar(spec, spec.Type, text, quoted: spec.Type is ParamType.String or ParamType.Enum);
        }
        return result.Error is null ? CheckRange(spec, result.Value!) : result;
    }

    public static string Describe(ParamSpec spec) => spec.Type switch
    {
        ParamType.Int => "an integer",
        ParamType.Float => "a number",
        ParamType.Bool => "true or false",
        ParamType.String => "a string",
        ParamType.Enum => "one of " + string.Join(", ", spec.Allowed ?? []),
        ParamType.IntList => "a list of integers",
        ParamType.FloatList => "a list of numbers",
        ParamType.StringList => "a list of strings",
        _ => spec.Type.ToString(),
    };

    public static string TypeName(ParamType type) => type switch
    {
        ParamType.Int => "int",
        ParamType.Float => "float",
        ParamType.Bool => "bool",
        ParamType.String => "string",
        ParamType.Enum => "enum",
        ParamType.IntList => "int[]",
        ParamType.FloatList => "float[]",
        ParamType.StringList => "string[]",
        _ => type.ToString(),
    };

    /// <summary>The default of a param as an engine value (boxed ints widened to long, floats to double).</summary>
    public static object? Default(ParamSpec spec) => spec.Default switch
    {
        null => null,
        int i when spec.Type == ParamType.Int => (long)i,
        int i when spec.Type == ParamType.Float => (double)i,
        long l when spec.Type == ParamType.Float => (double)l,
        float f => (double)f,
        var v => v,
    };

    private static bool IsList(ParamType type) => type is ParamType.IntList or ParamType.FloatList or ParamType.StringList;

    private static ParamType ElementType(ParamType type) => type switch
    {
        ParamType.IntList => ParamType.Int,
        ParamType.FloatList => ParamType.Float,
        ParamType.StringList => ParamType.String,
        _ => type,
    };

    private static string Example(ParamType type) => type switch
    {
        ParamType.IntList => "1, 2",
        ParamType.FloatList => "0.1, 1.0",
        _ => "a, b",
    };

    private static Result ParseList(ParamSpec spec, List<YamlScalarNode?> items)
    {
        var element = ElementType(spec.Type);
        var values = new List<object>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
                return Result.Fail($"element {i + 1} must be a single value");
            var r = ParseScalar(spec, element, item.Value ?? "", item.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted);
            if (r.Error is not null)
                return Result.Fail($"element {i + 1}: {r.Error}");
            values.Add(r.Value!);
        }
        return spec.Type switch
        {
            ParamType.IntList => Result.Ok(values.Cast<long>().ToArray()),
            ParamType.FloatList => Result.Ok(values.Cast<double>().ToArray()),
            _ => Result.Ok(values.Cast<string>().ToArray()),
        };
    }

    private static Result ParseScalar(ParamSpec spec, ParamType type, string text, bool quoted)
    {
        bool isNull = !quoted && (text.Length == 0 || text is "~" or "null" or "Null" or "NULL");
        if (isNull)
            return Result.Fail($"has no value (expects {Describe(spec)})");
        switch (type)
        {
            case ParamType.Int:
                if (!quoted && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
                    return Result.Ok(l);
                return Result.Fail($"expects an integer, got {Quote(text, quoted)}");
            case ParamType.Float:
                if (!quoted && TryParseFloat(text, out var d))
                    return Result.Ok(d);
                return Result.Fail($"expects a number, got {Quote(text, quoted)}");
            case ParamType.Bool:
                if (!quoted && text.Equals("true", StringComparison.OrdinalIgnoreCase))
                    return Result.Ok(true);
                if (!quoted && text.Equals("false", StringComparison.OrdinalIgnoreCase))
                    return Result.Ok(false);
                return Result.Fail($"expects true or false, got {Quote(text, quoted)}");
            case ParamType.Enum:
                var allowed = spec.Allowed ?? [];
                if (allowed.Contains(text, StringComparer.Ordinal))
                    return Result.Ok(text);
                return Result.Fail($"expects one of {string.Join(", ", allowed)}, got '{text}'");
            default:
                return Result.Ok(text);
        }
    }

    private static string Quote(string text, bool quoted) => quoted ? $"the string \"{text}\"" : $"'{text}'";

    private static bool TryParseFloat(string text, out double value)
    {
        switch (text)
        {
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Finiteness (floats, unless <see cref="ParamSpec.AllowNonFinite"/>), list size and distinct values,
    /// then the numeric range.</summary>
    private static Result CheckRange(ParamSpec spec, object value)
    {
        if (value is Array list)
        {
            if (list.Length < spec.MinCount)
                return Result.Fail($"needs at least {spec.MinCount} value{(spec.MinCount == 1 ? "" : "s")}, got {(list.Length == 0 ? "none" : list.Length.ToString(CultureInfo.InvariantCulture))}");
            if (value is double[] doubles && !spec.AllowNonFinite)
            {
                for (int i = 0; i < doubles.Length; i++)
                {
                    if (!double.IsFinite(doubles[i]))
                        return Result.Fail($"element {i + 1} is {ParamText.Number(doubles[i])}; expects a finite number");
                }
            }
            if (spec.Distinct)
            {
                for (int i = 1; i < list.Length; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (Equals(list.GetValue(i), list.GetValue(j)))
                            return Result.Fail($"element {i + 1} ({ParamText.Display(list.GetValue(i)!)}) repeats element {j + 1}");
                    }
                }
            }
        }
        else if (value is double scalar && !spec.AllowNonFinite && !double.IsFinite(scalar))
        {
            return Result.Fail($"is {ParamText.Number(scalar)}; expects a finite number");
        }
        switch (value)
        {
            case long l:
                return CheckNumber(spec, l, null);
            case double d:
                return CheckNumber(spec, d, null);
            case long[] ls:
                for (int i = 0; i < ls.Length; i++)
                {
                    var r = CheckNumber(spec, ls[i], i);
                    if (r.Error is not null)
                        return r;
                }
                break;
            case double[] ds:
                for (int i = 0; i < ds.Length; i++)
                {
                    var r = CheckNumber(spec, ds[i], i);
                    if (r.Error is not null)
                        return r;
                }
                break;
        }
        return Result.Ok(value);

        Result CheckNumber(ParamSpec s, double v, int? index)
        {
            var what = index is { } i ? $"element {i + 1} ({ParamText.Number(v)})" : Shown(v);
            if (double.IsNaN(v) && (s.Min is not null || s.Max is not null))
                return Result.Fail((index is { } n ? $"element {n + 1} " : "") + $"is NaN, outside [{Bound(s.Min)}, {Bound(s.Max)}]");
            if (s.Min is { } min && v < min)
                return Result.Fail($"{what} is below the minimum {Bound(min)}");
            if (s.Max is { } max && v > max)
                return Result.Fail($"{what} is above the maximum {Bound(max)}");
            return Result.Ok(value);
        }

        string Shown(double v) => value is long l ? l.ToString(CultureInfo.InvariantCulture) : ParamText.Number(v);
    }

    private static string Bound(double? b) => b is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "..";
}
