namespace Pipeline.Abstractions;

/// <summary>Logical column types an artifact table can hold. Kept small on purpose: every type has one
/// canonical form for content hashing and one Parquet mapping.</summary>
public enum ColumnType
{
    Float64,
    Int64,
    Bool,
    String,
    /// <summary>A variable-length list of doubles per row (image energies, lattice, positions).</summary>
    Float64List,
    /// <summary>A variable-length list of strings per row (species per atom).</summary>
    StringList,
}

/// <summary>One named, typed column. <see cref="Values"/> is a double[], long[], bool[], string[],
/// double[][] or string[][] according to <see cref="Type"/>.</summary>
public sealed class Column
{
    public Column(string name, ColumnType type, Array values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var expected = type switch
        {
            ColumnType.Float64 => typeof(double[]),
            ColumnType.Int64 => typeof(long[]),
            ColumnType.Bool => typeof(bool[]),
            ColumnType.String => typeof(string[]),
            ColumnType.Float64List => typeof(double[][]),
            ColumnType.StringList => typeof(string[][]),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
        if (values.GetType() != expected)
            throw new ArgumentException($"column '{name}': values are {values.GetType().Name}, expected {expected.Name} for {type}");
        Name = name;
        Type = type;
        Values = values;
    }

    public string Name { get; }
    public ColumnType Type { get; }
    public Array Values { get; }
    public int Length => Values.Length;

    /// <summary>Physical unit of the values ("eV", "K", "Å^2/s"; "1" for dimensionless), or null when not declared.
    /// Numeric columns only. Written to the Parquet footer (<c>pipeline.units</c>) and read back; like all metadata
    /// it is not part of the content hash.</summary>
    public string? Unit
    {
        get;
        init
        {
            if (value is not null && Type is not (ColumnType.Float64 or ColumnType.Int64 or ColumnType.Float64List))
                throw new ArgumentException($"column '{Name}' is {Type}: only numeric columns carry a unit");
            if (value is { Length: 0 })
                throw new ArgumentException($"column '{Name}': a unit must not be empty (use \"1\" for dimensionless, null for undeclared)");
            field = value;
        }
    }

    /// <summary>The same values with <paramref name="unit"/> declared (no copy of the values).</summary>
    public Column WithUnit(string? unit) => new(Name, Type, Values) { Unit = unit };

    public static Column Of(string name, double[] v) => new(name, ColumnType.Float64, v);
    public static Column Of(string name, long[] v) => new(name, ColumnType.Int64, v);
    public static Column Of(string name, bool[] v) => new(name, ColumnType.Bool, v);
    public static Column Of(string name, string[] v) => new(name, ColumnType.String, v);
    public static Column Of(string name, double[][] v) => new(name, ColumnType.Float64List, v);
    public static Column Of(string name, string[][] v) => new(name, ColumnType.StringList, v);
}

/// <summary>An in-memory columnar table: what stages produce and consume. The engine turns it into a
/// Parquet artifact with provenance metadata; stages never touch Parquet directly.</summary>
public sealed class Table
{
    private readonly Dictionary<string, Column> _byName;

    public Table(IEnumerable<Column> columns, IReadOnlyDictionary<string, string>? metadata = null)
    {
        Columns = columns.ToList();
        _byName = new Dictionary<string, Column>(StringComparer.Ordinal);
        foreach (var c in Columns)
        {
            if (!_byName.TryAdd(c.Name, c))
                throw new ArgumentException($"duplicate column '{c.Name}'");
        }
        RowCount = Columns.Count == 0 ? 0 : Columns[0].Length;
        foreach (var c in Columns)
        {
            if (c.Length != RowCount)
                throw new ArgumentException($"column '{c.Name}' has {c.Length} rows, expected {RowCount}");
        }
        Metadata = metadata is null ? new Dictionary<string, string>() : new Dictionary<string, string>(metadata);
    }

    public IReadOnlyList<Column> Columns { get; }
    public int RowCount { get; }

    /// <summary>Key-value metadata carried into the Parquet footer (the engine adds provenance keys).</summary>
    public Dictionary<string, string> Metadata { get; }

    public bool Has(string name) => _byName.ContainsKey(name);

    public Column this[string name] => _byName.TryGetValue(name, out var c)
        ? c
        : throw new KeyNotFoundException($"table has no column '{name}' (columns: {string.Join(", ", _byName.Keys)})");

    public double[] Doubles(string name) => Get<double[]>(name, ColumnType.Float64);
    public long[] Longs(string name) => Get<long[]>(name, ColumnType.Int64);
    public bool[] Bools(string name) => Get<bool[]>(name, ColumnType.Bool);
    public string[] Strings(string name) => Get<string[]>(name, ColumnType.String);
    public double[][] DoubleLists(string name) => Get<double[][]>(name, ColumnType.Float64List);
    public string[][] StringLists(string name) => Get<string[][]>(name, ColumnType.StringList);

    /// <summary>A numeric column as doubles whatever its storage (Int64, Bool or Float64): for feature matrices.</summary>
    public double[] AsDoubles(string name)
    {
        var c = this[name];
        return c.Type switch
        {
            ColumnType.Float64 => (double[])c.Values,
            ColumnType.Int64 => Array.ConvertAll((long[])c.Values, v => (double)v),
            ColumnType.Bool => Array.ConvertAll((bool[])c.Values, v => v ? 1.0 : 0.0),
            _ => throw new InvalidOperationException($"column '{name}' is {c.Type}, not numeric"),
        };
    }

    private T Get<T>(string name, ColumnType type)
    {
        var c = this[name];
        if (c.Type != type)
            throw new InvalidOperationException($"column '{name}' is {c.Type}, not {type}");
        return (T)(object)c.Values;
    }
}

/// <summary>Row-wise builder for tables whose rows are produced one at a time (parsers, per-hop loops).</summary>
public sealed class TableBuilder
{
    private readonly List<(string Name, ColumnType Type)> _schema = new();
    private readonly List<List<object>> _data = new();

    public TableBuilder Add(string name, ColumnType type)
    {
        _schema.Add((name, type));
        _data.Add(new List<object>());
        return this;
    }

    public int RowCount => _data.Count == 0 ? 0 : _data[0].Count;

    /// <summary>Appends a row; values in schema order, typed as the column (double, long, bool, string, double[], string[]).</summary>
    public void AddRow(params object[] values)
    {
        if (values.Length != _schema.Count)
            throw new ArgumentException($"row has {values.Length} values, schema has {_schema.Count} columns");
        for (int i = 0; i < values.Length; i++)
            _data[i].Add(values[i] ?? throw new ArgumentNullException($"column '{_schema[i].Name}' got null"));
    }

    public Table Build(IReadOnlyDictionary<string, string>? metadata = null)
    {
        var cols = new List<Column>();
        for (int i = 0; i < _schema.Count; i++)
        {
            var (name, type) = _schema[i];
            var d = _data[i];
            Array arr = type switch
            {
                ColumnType.Float64 => d.Select(o => Convert.ToDouble(o, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ColumnType.Int64 => d.Select(o => Convert.ToInt64(o, System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                ColumnType.Bool => d.Select(o => (bool)o).ToArray(),
                ColumnType.String => d.Select(o => (string)o).ToArray(),
                ColumnType.Float64List => d.Select(o => (double[])o).ToArray(),
                ColumnType.StringList => d.Select(o => (string[])o).ToArray(),
                _ => throw new InvalidOperationException(),
            };
            cols.Add(new Column(name, type, arr));
        }
        return new Table(cols, metadata);
    }
}
