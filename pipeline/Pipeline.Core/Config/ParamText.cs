using System.Globalization;
using System.Text;
using Pipeline.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Core.Config;

/// <summary>Text forms of typed param values: a display form (used in the lock, in `status` reasons and in diffs),
/// YAML nodes for the lock, and the canonical JSON that the params hash and the fingerprint are computed from.</summary>
public static class ParamText
{
    public static string Display(object value) => value switch
    {
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        bool b => b ? "true" : "false",
        string s => s,
        long[] a => "[" + string.Join(", ", a.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]",
        double[] a => "[" + string.Join(", ", a.Select(Number)) + "]",
        string[] a => "[" + string.Join(", ", a) + "]",
        _ => throw new ArgumentException($"unsupported param value {value.GetType().Name}"),
    };

    /// <summary>Display form of a lock file node (the inverse of <see cref="ToNode"/> for display purposes).</summary>
    public static string Display(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Display)) + "]",
        _ => node.ToString(),
    };

    /// <summary>Shortest round-trip decimal form; YAML spellings for the specials.</summary>
    public static string Number(double d)
    {
        if (double.IsNaN(d))
            return ".nan";
        if (double.IsPositiveInfinity(d))
            return ".inf";
        if (double.IsNegativeInfinity(d))
            return "-.inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        // Keep floats recognisable as floats in YAML ("2" would read back as an int).
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public static YamlNode ToNode(object value) => value switch
    {
        long or double or bool => new YamlScalarNode(Display(value)) { Style = ScalarStyle.Plain },
        string s => new YamlScalarNode(s) { Style = NeedsQuotes(s) ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain },
        long[] a => Sequence(a.Cast<object>()),
        double[] a => Sequence(a.Cast<object>()),
        string[] a => Sequence(a.Cast<object>()),
        _ => throw new ArgumentException($"unsupported param value {value.GetType().Name}"),
    };

    private static YamlSequenceNode Sequence(IEnumerable<object> items)
    {
        var seq = new YamlSequenceNode(items.Select(ToNode)) { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        return seq;
    }

    /// <summary>Plain only for strings YAML would not read as anything but the same string.</summary>
    private static bool NeedsQuotes(string s)
    {
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
            return true;
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/'))
                return true;
        }
        return s.ToLowerInvariant() is "true" or "false" or "null" or "yes" or "no" or "on" or "off" or "y" or "n";
    }

    /// <summary>Canonical JSON of a param set: keys sorted ordinally, numbers in shortest round-trip form (floats
    /// always with a '.', specials as strings), so equal params give equal bytes on every platform.</summary>
    public static string CanonicalJson(IReadOnlyDictionary<string, object> values)
    {
        var sb = new StringBuilder("{");
        bool first = true;
        foreach (var key in values.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!first)
                sb.Append(',');
            first = false;
            JsonString(sb, key);
            sb.Append(':');
            JsonValue(sb, values[key]);
        }
        return sb.Append('}').ToString();
    }

    private static void JsonValue(StringBuilder sb, object value)
    {
        switch (value)
        {
            case long l:
                sb.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d when double.IsFinite(d):
                sb.Append(Number(d));
                break;
            case double d:
                JsonString(sb, Number(d));
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                JsonString(sb, s);
                break;
            case Array a:
                sb.Append('[');
                for (int i = 0; i < a.Length; i++)
                {
                    if (i > 0)
                        sb.Append(',');
                    JsonValue(sb, a.GetValue(i)!);
                }
                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"unsupported param value {value.GetType().Name}");
        }
    }

    private static void JsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
