using System.Globalization;

namespace Pipeline.Abstractions;

public enum ParamType
{
    Int,
    Float,
    Bool,
    String,
    /// <summary>A string restricted to <see cref="ParamSpec.Allowed"/>.</summary>
    Enum,
    IntList,
    FloatList,
    StringList,
}

/// <summary>Declaration of one typed parameter of a stage type; pipeline.yaml values are validated against it
/// (type, range, allowed values) before anything runs.</summary>
public sealed record ParamSpec(string Name, ParamType Type, string Description)
{
    /// <summary>Default value (boxed long, double, bool, string, long[], double[] or string[]); null means required.</summary>
    public object? Default { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>Floats (and float list elements) must be finite unless this is set: <c>.inf</c>, <c>.nan</c> and
    /// overflowing literals such as <c>1e999</c> are refused up front.</summary>
    public bool AllowNonFinite { get; init; }

    /// <summary>Lists: the fewest elements accepted (e.g. 1 for "at least one temperature").</summary>
    public int MinCount { get; init; }

    /// <summary>Lists: no value may appear twice.</summary>
    public bool Distinct { get; init; }

    public bool Required => Default is null;

    public static ParamSpec Int(string name, string description, long? @default = null, long? min = null, long? max = null)
        => new(name, ParamType.Int, description) { Default = @default, Min = min, Max = max };

    public static ParamSpec Float(string name, string description, double? @default = null, double? min = null, double? max = null)
        => new(name, ParamType.Float, description) { Default = @default, Min = min, Max = max };

    public static ParamSpec Bool(string name, string description, bool? @default = null)
        => new(name, ParamType.Bool, description) { Default = @default };

    public static ParamSpec String(string name, string description, string? @default = null)
        => new(name, ParamType.String, description) { Default = @default };

    public static ParamSpec Enum(string name, string description, string[] allowed, string? @default = null)
        => new(name, ParamType.Enum, description) { Default = @default, Allowed = allowed };

    public static ParamSpec IntList(string name, string description, long[]? @default = null, long? min = null, long? max = null)
        => new(name, ParamType.IntList, description) { Default = @default, Min = min, Max = max };

    public static ParamSpec FloatList(string name, string description, double[]? @default = null, double? min = null, double? max = null)
        => new(name, ParamType.FloatList, description) { Default = @default, Min = min, Max = max };

    public static ParamSpec StringList(string name, string description, string[]? @default = null)
        => new(name, ParamType.StringList, description) { Default = @default };
}

/// <summary>Validated, typed parameter values of one stage instance (defaults filled in).
/// Values: long, double, bool, string, long[], double[], string[].</summary>
public sealed class ParamValues
{
    private readonly IReadOnlyDictionary<string, object> _values;

    public ParamValues(IReadOnlyDictionary<string, object> values) => _values = values;

    public IReadOnlyDictionary<string, object> All => _values;

    public long Int(string name) => Get<long>(name);
    public int Int32(string name) => checked((int)Get<long>(name));
    public double Float(string name) => _values.TryGetValue(name, out var v) && v is long l ? l : Get<double>(name);
    public bool Bool(string name) => Get<bool>(name);
    public string String(string name) => Get<string>(name);
    public long[] IntList(string name) => Get<long[]>(name);
    public double[] FloatList(string name) => Get<double[]>(name);
    public string[] StringList(string name) => Get<string[]>(name);

    public bool Has(string name) => _values.ContainsKey(name);

    private T Get<T>(string name)
    {
        if (!_values.TryGetValue(name, out var v))
            throw new KeyNotFoundException($"param '{name}' is not set and has no default");
        return v is T t ? t : throw new InvalidCastException(
            $"param '{name}' is {v.GetType().Name} ({Convert.ToString(v, CultureInfo.InvariantCulture)}), not {typeof(T).Name}");
    }
}
