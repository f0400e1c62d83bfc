using System.Globalization;
using System.Text.Json;

namespace Pipeline.Report.Inputs;

/// <summary>Defensive readers for JSON written by other stages: a missing or differently typed field gives null
/// instead of an exception, so one changed field does not take the whole report down.</summary>
internal static class JsonFields
{
    public static JsonElement? Get(JsonElement obj, params string[] names)
    {
        if (obj.ValueKind != JsonValueKind.Object) return null;
        foreach (var name in names)
        {
            if (obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null) return v;
        }
        return null;
    }

    public static double? Number(JsonElement obj, params string[] names) =>
        Get(obj, names) is { } v ? AsNumber(v) : null;

    public static string? Text(JsonElement obj, params string[] names) =>
        Get(obj, names) is { } v ? Scalar(v) : null;

    public static double[]? Numbers(JsonElement obj, params string[] names)
    {
        if (Get(obj, names) is not { ValueKind: JsonValueKind.Array } v) return null;
        var result = new double[v.GetArrayLength()];
        int i = 0;
        foreach (var item in v.EnumerateArray())
        {
            if (AsNumber(item) is not { } d) return null;
            result[i++] = d;
        }
        return result;
    }

    public static string[]? Texts(JsonElement obj, params string[] names)
    {
        if (Get(obj, names) is not { ValueKind: JsonValueKind.Array } v) return null;
        return v.EnumerateArray().Select(e => Scalar(e) ?? e.GetRawText()).ToArray();
    }

    /// <summary>Mean of each inner array when the value is an array of arrays (a per-fold MSE path), the values
    /// themselves when it is flat.</summary>
    public static double[]? RowMeans(JsonElement obj, params string[] names)
    {
        if (Get(obj, names) is not { ValueKind: JsonValueKind.Array } v) return null;
        var result = new List<double>();
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Array)
            {
                var inner = item.EnumerateArray().Select(AsNumber).ToList();
                if (inner.Count == 0 || inner.Any(x => x is null)) return null;
                result.Add(inner.Average(x => x!.Value));
            }
            else if (AsNumber(item) is { } d) result.Add(d);
            else return null;
        }
        return result.ToArray();
    }

    /// <summary>Top-level scalar fields (strings, numbers, booleans) as text: the provenance a JSON artifact carries.</summary>
    public static Dictionary<string, string> TopLevelScalars(JsonElement obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj.ValueKind != JsonValueKind.Object) return result;
        foreach (var p in obj.EnumerateObject())
        {
            if (Scalar(p.Value) is { } s) result[p.Name] = s;
        }
        return result;
    }

    public static double? AsNumber(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetDouble(),
        JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    public static string? Scalar(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    /// <summary>Parses a JSON file, naming the file on failure.</summary>
    public static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }
}
