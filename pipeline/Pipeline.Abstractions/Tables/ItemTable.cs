using System.Text;

namespace Pipeline.Abstractions;

/// <summary>An exact, self-describing binary file for a <see cref="Table"/> (columns, values bit for bit, metadata):
/// how a fan-out stage's <see cref="IFanOutStage.RunItem"/> can hand tables to <see cref="IFanOutStage.Assemble"/>
/// through its item folder, on another machine if need be. Not an artifact format: artifacts are Parquet, written by
/// the engine.</summary>
public static class ItemTable
{
    private const string Magic = "pipeline-item-table/1";

    public static void Save(Table table, string path)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var w = new BinaryWriter(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        w.Write(Magic);
        var metadata = table.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        w.Write(metadata.Count);
        foreach (var (key, value) in metadata)
        {
            w.Write(key);
            w.Write(value);
        }
        w.Write(table.Columns.Count);
        w.Write(table.RowCount);
        foreach (var column in table.Columns)
        {
            w.Write(column.Name);
            w.Write((byte)column.Type);
            switch (column.Values)
            {
                case double[] d:
                    foreach (var v in d)
                        w.Write(v);
                    break;
                case long[] l:
                    foreach (var v in l)
                        w.Write(v);
                    break;
                case bool[] b:
                    foreach (var v in b)
                        w.Write(v);
                    break;
                case string[] s:
                    foreach (var v in s)
                        w.Write(v);
                    break;
                case double[][] dl:
                    foreach (var row in dl)
                    {
                        w.Write(row.Length);
                        foreach (var v in row)
                            w.Write(v);
                    }
                    break;
                case string[][] sl:
                    foreach (var row in sl)
                    {
                        w.Write(row.Length);
                        foreach (var v in row)
                            w.Write(v);
                    }
                    break;
            }
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the file when it is not a complete item table.</summary>
    public static Table Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var r = new BinaryReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        try
        {
            if (r.ReadString() != Magic)
                throw new InvalidDataException($"{path} is not an item table ({Magic})");
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = r.ReadInt32(); i > 0; i--)
                metadata[r.ReadString()] = r.ReadString();
            int columnCount = r.ReadInt32();
            int rows = r.ReadInt32();
            var columns = new List<Column>(columnCount);
            for (int c = 0; c < columnCount; c++)
            {
                var name = r.ReadString();
                var type = (ColumnType)r.ReadByte();
                Array values = type switch
                {
                    ColumnType.Float64 => Read(rows, r.ReadDouble),
                    ColumnType.Int64 => Read(rows, r.ReadInt64),
                    ColumnType.Bool => Read(rows, r.ReadBoolean),
                    ColumnType.String => Read(rows, r.ReadString),
                    ColumnType.Float64List => Read(rows, () => Read(r.ReadInt32(), r.ReadDouble)),
                    ColumnType.StringList => Read(rows, () => Read(r.ReadInt32(), r.ReadString)),
                    _ => throw new InvalidDataException($"{path}: column '{name}' has an unknown type {(int)type}"),
                };
                columns.Add(new Column(name, type, values));
            }
            if (stream.Position != stream.Length)
                throw new InvalidDataException($"{path}: unexpected bytes after the last column");
            return new Table(columns, metadata);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"{path} is truncated");
        }
    }

    private static T[] Read<T>(int count, Func<T> read)
    {
        if (count < 0)
            throw new InvalidDataException("negative length");
        var values = new T[count];
        for (int i = 0; i < count; i++)
            values[i] = read();
        return values;
    }
}
