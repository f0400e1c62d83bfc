using Pipeline.Abstractions;

namespace Pipeline.Core.Hashing;

/// <summary>Logical content hash of a <see cref="Table"/>: column names, types and values in a canonical encoding,
/// independent of the Parquet bytes (which carry a writer version and timestamps). Metadata is not hashed.</summary>
public static class TableHasher
{
    private const string Magic = "pipeline-table/1";

    public static string Hash(Table table)
    {
        using var h = new CanonicalHasher();
        h.WriteString(Magic);
        h.WriteUInt64((ulong)table.Columns.Count);
        h.WriteUInt64((ulong)table.RowCount);
        foreach (var column in table.Columns)
        {
            h.WriteString(column.Name);
            h.WriteByte(TypeTag(column.Type));
            WriteValues(h, column);
        }
        return h.FinishHex();
    }

    /// <summary>Stable tags, deliberately not the enum's numeric values.</summary>
    private static byte TypeTag(ColumnType type) => type switch
    {
        ColumnType.Float64 => 1,
        ColumnType.Int64 => 2,
        ColumnType.Bool => 3,
        ColumnType.String => 4,
        ColumnType.Float64List => 5,
        ColumnType.StringList => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown column type"),
    };

    private static void WriteValues(CanonicalHasher h, Column column)
    {
        switch (column.Type)
        {
            case ColumnType.Float64:
                foreach (var v in (double[])column.Values)
                    h.WriteDouble(v);
                break;
            case ColumnType.Int64:
                foreach (var v in (long[])column.Values)
                    h.WriteInt64(v);
                break;
            case ColumnType.Bool:
                foreach (var v in (bool[])column.Values)
                    h.WriteByte(v ? (byte)1 : (byte)0);
                break;
            case ColumnType.String:
                var strings = (string[])column.Values;
                for (int i = 0; i < strings.Length; i++)
                    h.WriteString(strings[i] ?? throw NullCell(column, i));
                break;
            case ColumnType.Float64List:
                var lists = (double[][])column.Values;
                for (int i = 0; i < lists.Length; i++)
                    h.WriteDoubles(lists[i] ?? throw NullCell(column, i));
                break;
            case ColumnType.StringList:
                var stringLists = (string[][])column.Values;
                for (int i = 0; i < stringLists.Length; i++)
                {
                    var list = stringLists[i] ?? throw NullCell(column, i);
                    h.WriteUInt64((ulong)list.Length);
                    foreach (var s in list)
                        h.WriteString(s ?? throw NullCell(column, i));
                }
                break;
        }
    }

    internal static ArgumentException NullCell(Column column, int row)
        => new($"column '{column.Name}' row {row} is null: artifact tables hold no nulls (use NaN, \"\" or an empty list)");
}
