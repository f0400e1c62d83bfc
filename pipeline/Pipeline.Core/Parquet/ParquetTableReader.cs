using Pipeline.Abstractions;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Pipeline.Core.Parquet;

/// <summary>Reads a Parquet file into a <see cref="Table"/> (footer key-values become <see cref="Table.Metadata"/>).
/// Besides the engine's own files it accepts common foreign encodings: int32/int16 as i64, float as f64,
/// nullable columns without nulls, and nulls in float columns as NaN.</summary>
public static class ParquetTableReader
{
    public static Table Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            return ReadAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A damaged file can fail anywhere in the decoder (thrift, zstd, levels): report them all as bad data.
            throw new InvalidDataException($"{path}: cannot read as a Parquet table: {e.Message}", e);
        }
    }

    public static Table Read(Stream stream) => ReadAsync(stream).GetAwaiter().GetResult();

    /// <summary>Only the footer key-values (cheap: no column data is read).</summary>
    public static IReadOnlyDictionary<string, string> ReadMetadata(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return ReadMetadataAsync(stream).GetAwaiter().GetResult();
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadMetadataAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true);
        return new Dictionary<string, string>(reader.CustomMetadata ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    private static async Task<Table> ReadAsync(Stream stream)
    {
        await using var reader = await ParquetReader.CreateAsync(stream, null, leaveStreamOpen: true);
        var columns = new List<Column>();
        foreach (var field in reader.Schema.Fields)
        {
            var (data, isList) = field switch
            {
                DataField d => (d, false),
                ListField { Item: DataField item } => (item, true),
                _ => throw new NotSupportedException($"column '{field.Name}' is a {field.SchemaType}; only flat columns and lists of numbers or strings are supported"),
            };
            var parts = new List<Column>();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                using var raw = await group.ReadRawColumnDataBaseAsync(data);
                parts.Add(isList
                    ? ReadList(field.Name, data, raw, checked((int)group.RowCount))
                    : ReadFlat(field.Name, data, raw, checked((int)group.RowCount)));
            }
            columns.Add(Concat(field.Name, parts));
        }
        return ColumnUnits.Apply(new Table(columns, reader.CustomMetadata));
    }

    private static Column ReadFlat(string name, DataField field, RawColumnData raw, int rows)
    {
        var def = field.MaxDefinitionLevel > 0 ? raw.DefinitionLevels.ToArray() : null;
        int present = def is null ? rows : def.Count(d => d == field.MaxDefinitionLevel);
        if (def is not null && present != rows && !IsFloating(raw))
            throw new NotSupportedException($"column '{name}' has nulls; only float columns may (they become NaN)");
        return raw switch
        {
            RawColumnData<double> d => Column.Of(name, Spread(d.Values[..present], def, field.MaxDefinitionLevel, rows, double.NaN)),
            RawColumnData<float> f => Column.Of(name, Spread(ToDoubles(f.Values[..present]), def, field.MaxDefinitionLevel, rows, double.NaN)),
            RawColumnData<long> l => Column.Of(name, l.Values[..rows].ToArray()),
            RawColumnData<int> i => Column.Of(name, ToLongs(i.Values[..rows])),
            RawColumnData<short> s => Column.Of(name, ToLongs(s.Values[..rows])),
            RawColumnData<bool> b => Column.Of(name, b.Values[..rows].ToArray()),
            RawColumnData<ReadOnlyMemory<char>> c => Column.Of(name, ToStrings(c.Values[..rows])),
            _ => throw new NotSupportedException($"column '{name}' has unsupported type {field.ClrType.Name}"),
        };
    }

    private static Column ReadList(string name, DataField item, RawColumnData raw, int rows)
    {
        ReadOnlySpan<int> def = raw.DefinitionLevels;
        ReadOnlySpan<int> rep = raw.RepetitionLevels;
        int max = item.MaxDefinitionLevel;
        // A slot holds an element (maybe a null one) when its level reaches the element's own level.
        int elementLevel = item.IsNullable ? max - 1 : max;
        var counts = new int[rows];
        int row = -1;
        for (int s = 0; s < def.Length; s++)
        {
            if (rep[s] == 0)
                row++;
            if (def[s] >= elementLevel)
                counts[row]++;
        }
        return raw switch
        {
            RawColumnData<double> d => Column.Of(name, Nest(d.Values, def, rep, counts, max, elementLevel, double.NaN, v => v, name)),
            RawColumnData<float> f => Column.Of(name, Nest(f.Values, def, rep, counts, max, elementLevel, double.NaN, v => (double)v, name)),
            RawColumnData<ReadOnlyMemory<char>> c => Column.Of(name, Nest<ReadOnlyMemory<char>, string>(c.Values, def, rep, counts, max, elementLevel, null, new StringPool().Get, name)),
            _ => throw new NotSupportedException($"list column '{name}' has unsupported element type {item.ClrType.Name}"),
        };
    }

    private static TOut[][] Nest<TIn, TOut>(ReadOnlySpan<TIn> values, ReadOnlySpan<int> def, ReadOnlySpan<int> rep, int[] counts, int max,
        int elementLevel, TOut? nullValue, Func<TIn, TOut> convert, string name)
    {
        var result = new TOut[counts.Length][];
        for (int r = 0; r < counts.Length; r++)
            result[r] = counts[r] == 0 ? [] : new TOut[counts[r]];
        int row = -1, index = 0, v = 0;
        for (int s = 0; s < def.Length; s++)
        {
            if (rep[s] == 0)
            {
                row++;
                index = 0;
            }
            if (def[s] < elementLevel)
                continue;
            if (def[s] == max)
                result[row][index++] = convert(values[v++]);
            else
                result[row][index++] = nullValue ?? throw new NotSupportedException($"list column '{name}' has null elements");
        }
        return result;
    }

    private static bool IsFloating(RawColumnData raw) => raw is RawColumnData<double> or RawColumnData<float>;

    private static double[] Spread(ReadOnlySpan<double> present, int[]? def, int max, int rows, double missing)
    {
        if (def is null)
            return present.ToArray();
        var result = new double[rows];
        int v = 0;
        for (int i = 0; i < rows; i++)
            result[i] = def[i] == max ? present[v++] : missing;
        return result;
    }

    private static double[] ToDoubles(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    private static long[] ToLongs(ReadOnlySpan<int> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    private static long[] ToLongs(ReadOnlySpan<short> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    private static string[] ToStrings(ReadOnlySpan<ReadOnlyMemory<char>> values)
    {
        var pool = new StringPool();
        var result = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = pool.Get(values[i]);
        return result;
    }

    /// <summary>Shares one string instance per distinct value (species, labels, path kinds repeat a lot), looked up by
    /// span so a repeated value costs no allocation. Bounded: past the cap, values are simply allocated.</summary>
    private sealed class StringPool
    {
        private const int Cap = 4096;
        private readonly HashSet<string> _set = new(StringComparer.Ordinal);

        public string Get(ReadOnlyMemory<char> value)
        {
            var lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
            if (lookup.TryGetValue(value.Span, out var existing))
                return existing;
            var s = value.ToString();
            if (_set.Count < Cap)
                _set.Add(s);
            return s;
        }
    }

    private static Column Concat(string name, List<Column> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        var type = parts[0].Type;
        Array joined = type switch
        {
            ColumnType.Float64 => parts.SelectMany(p => (double[])p.Values).ToArray(),
            ColumnType.Int64 => parts.SelectMany(p => (long[])p.Values).ToArray(),
            ColumnType.Bool => parts.SelectMany(p => (bool[])p.Values).ToArray(),
            ColumnType.String => parts.SelectMany(p => (string[])p.Values).ToArray(),
            ColumnType.Float64List => parts.SelectMany(p => (double[][])p.Values).ToArray(),
            ColumnType.StringList => parts.SelectMany(p => (string[][])p.Values).ToArray(),
            _ => throw new InvalidOperationException(),
        };
        return new Column(name, type, joined);
    }
}
