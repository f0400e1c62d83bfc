using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Contracts;

/// <summary>Typed access to the fields of a JSON object with errors that name the file and the field.</summary>
public sealed class JsonFields(JsonObject obj, string source)
{
    // Named literals keep a NaN metric (e.g. R^2 of a constant target) writable instead of throwing.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public JsonObject Object => obj;

    /// <summary>The file (and field path) errors name.</summary>
    public string Source => source;

    public static JsonObject ReadObject(string path)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        return node as JsonObject ?? throw new InvalidDataException($"{path}: the top level must be a JSON object");
    }

    public static void Write(JsonNode json, string path)
    {
        File.WriteAllText(path, json.ToJsonString(Indented) + "\n");
    }

    public static JsonArray Array(IEnumerable<double> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    public void RequireSchema(string schema)
    {
        var actual = String("schema");
        if (actual != schema)
            throw new InvalidDataException($"{source}: field 'schema' is '{actual}', expected '{schema}'");
    }

    public JsonFields Child(string name) =>
        new(Get(name) as JsonObject ?? throw Bad(name, "an object"), $"{source}: {name}");

    public bool Has(string name) => obj.ContainsKey(name) && obj[name] is not null;

    public string String(string name) => Value<string>(name, "a string");

    public double Double(string name) => Number(Get(name), name);

    public bool Bool(string name) => Value<bool>(name, "true or false");

    public long Long(string name) => Value<long>(name, "an integer");

    public int Int(string name) => checked((int)Long(name));

    public double[] Doubles(string name)
    {
        var array = Get(name) as JsonArray ?? throw Bad(name, "an array of numbers");
        return array.Select((n, i) => Number(n, $"{name}[{i}]")).ToArray();
    }

    public string[] Strings(string name)
    {
        var array = Get(name) as JsonArray ?? throw Bad(name, "an array of strings");
        return array.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw Bad($"{name}[{i}]", "a string")).ToArray();
    }

    private JsonNode Get(string name) =>
        obj.TryGetPropertyValue(name, out var node) && node is not null
            ? node
            : throw new InvalidDataException($"{source}: missing field '{name}'");

    private T Value<T>(string name, string expected) =>
        Get(name) is JsonValue v && v.TryGetValue<T>(out var value) ? value : throw Bad(name, expected);

    private double Number(JsonNode? node, string name)
    {
        if (node is JsonValue v)
        {
            if (v.TryGetValue<double>(out var d))
                return d;
            // NaN and infinities are written as strings by System.Text.Json's named-literal handling.
            if (v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out d))
                return d;
        }
        throw Bad(name, "a number");
    }

    private InvalidDataException Bad(string name, string expected) =>
        new($"{source}: field '{name}' must be {expected}");
}
