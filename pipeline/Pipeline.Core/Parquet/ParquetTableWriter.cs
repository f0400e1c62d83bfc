using System.IO.Compression;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Parquet;
using Parquet.Schema;

namespace Pipeline.Core.Parquet;

/// <summary>Writes a <see cref="Table"/> as one Parquet row group with key-value metadata in the footer.
/// Types: f64 -> DOUBLE, i64 -> INT64, bool -> BOOLEAN, str -> UTF8 BYTE_ARRAY, f64[] / str[] -> standard 3-level
/// LIST of required elements (an empty list is a defined, empty list). No column is nullable.</summary>
public static class ParquetTableWriter
{
    /// <summary>Zstd at CompressionLevel.Optimal (zstd level 3). Artifacts are written once and read many times by
    /// later stages and by `show`/`export`: zstd-3 shrinks float columns noticeably more than Snappy at a similar
    /// decode speed, while Parquet.Net's default SmallestSize (zstd 19) costs ~10x the CPU for a few percent.</summary>
    public static readonly ParquetOptions Options = new()
    {
        CompressionMethod = CompressionMethod.Zstd,
        CompressionLevel = CompressionLevel.Optimal,
    };

    public static void Write(Table table, string path, IReadOnlyDictionary<string, string> metadata)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(table, stream, metadata);
        stream.Flush(flushToDisk: true);
    }

    public static void Write(Table table, Stream stream, IReadOnlyDictionary<string, string> metadata)
        => WriteAsync(table, stream, metadata).GetAwaiter().GetResult();

    private static async Task WriteAsync(Table table, Stream stream, IReadOnlyDictionary<string, string> metadata)
    {
        if (table.Columns.Count == 0)
            throw new ArgumentException("a table needs at least one column to be written as Parquet");
        var fields = table.Columns.Select(ToField).ToArray();
        var schema = new ParquetSchema(fields);
        var dataFields = schema.GetDataFields();
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, Options, append: false);
        var footer = new Dictionary<string, string>(metadata, StringComparer.Ordinal);
        // Units travel with the data: declared column units go into the footer unless the caller already put them there.
        if (!footer.ContainsKey(ArtifactMetadata.Units) && ColumnUnits.FooterValue(table) is { } units)
            footer[ArtifactMetadata.Units] = units;
        writer.CustomMetadata = footer;
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < table.Columns.Count; i++)
            await WriteColumnAsync(group, dataFields[i], table.Columns[i]);
    }

    private static Field ToField(Column column) => column.Type switch
    {
        ColumnType.Float64 => new DataField(column.Name, typeof(double), isNullable: false),
        ColumnType.Int64 => new DataField(column.Name, typeof(long), isNullable: false),
        ColumnType.Bool => new DataField(column.Name, typeof(bool), isNullable: false),
        ColumnType.String => new DataField(column.Name, typeof(string), isNullable: false),
        ColumnType.Float64List => new ListField(column.Name, new DataField("element", typeof(double), isNullable: false)),
        ColumnType.StringList => new ListField(column.Name, new DataField("element", typeof(string), isNullable: false)),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
    };

    private static async Task WriteColumnAsync(ParquetRowGroupWriter group, DataField field, Column column)
    {
        switch (column.Type)
        {
            case ColumnType.Float64:
                await group.WriteAsync<double>(field, (double[])column.Values);
                break;
            case ColumnType.Int64:
                await group.WriteAsync<long>(field, (long[])column.Values);
                break;
            case ColumnType.Bool:
                await group.WriteAsync<bool>(field, (bool[])column.Values);
                break;
            case ColumnType.String:
                var strings = (string[])column.Values;
                for (int i = 0; i < strings.Length; i++)
                {
                    if (strings[i] is null)
                        throw TableHasher.NullCell(column, i);
                }
                await group.WriteAsync(field, strings, null);
                break;
            case ColumnType.Float64List:
                var (doubles, dDef, dRep) = Flatten((double[][])column.Values, column, field.MaxDefinitionLevel, v => v);
                await group.WriteAllPartsAsync<double>(field, doubles, dDef, dRep, CancellationToken.None);
                break;
            case ColumnType.StringList:
                var (chars, sDef, sRep) = Flatten((string[][])column.Values, column, field.MaxDefinitionLevel,
                    s => (s ?? throw new ArgumentException($"column '{column.Name}' holds a null string")).AsMemory());
                await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, chars, sDef, sRep, CancellationToken.None);
                break;
        }
    }

    /// <summary>Dremel levels of a list column of non-null lists with required elements: an element has definition
    /// level max and repetition 0 (first of its row) or 1; an empty list is one slot at level max-1.</summary>
    private static (TOut[] Values, int[] Definitions, int[] Repetitions) Flatten<TIn, TOut>(
        TIn[][] rows, Column column, int maxDefinition, Func<TIn, TOut> convert)
    {
        int values = 0, slots = 0;
        for (int r = 0; r < rows.Length; r++)
        {
            var row = rows[r] ?? throw TableHasher.NullCell(column, r);
            values += row.Length;
            slots += Math.Max(row.Length, 1);
        }
        var flat = new TOut[values];
        var def = new int[slots];
        var rep = new int[slots];
        int v = 0, s = 0;
        foreach (var row in rows)
        {
            if (row.Length == 0)
            {
                def[s] = maxDefinition - 1;
                rep[s++] = 0;
                continue;
            }
            for (int i = 0; i < row.Length; i++)
            {
                flat[v++] = convert(row[i]);
                def[s] = maxDefinition;
                rep[s++] = i == 0 ? 0 : 1;
            }
        }
        return (flat, def, rep);
    }
}
