using System.Buffers.Binary;
using System.Text.Json;

namespace Pipeline.Vasp.Parsing;

/// <summary>Reads the binary arrays a ULM item points to ({"ndarray": [shape, dtype, offset]}).</summary>
internal readonly struct UlmArrays
{
    private readonly byte[] _bytes;
    private readonly string _file;
    private readonly string _where;
    private readonly bool _littleEndian;

    public UlmArrays(byte[] bytes, string file, string where, bool littleEndian)
    {
        _bytes = bytes;
        _file = file;
        _where = where;
        _littleEndian = littleEndian;
    }

    public double[] Doubles(JsonElement reference, string name)
    {
        var (count, dtype, offset) = Locate(reference, name);
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = dtype switch
            {
                "float64" => BitConverter.Int64BitsToDouble(ReadInt64(offset + 8 * i)),
                "float32" => BitConverter.Int32BitsToSingle(ReadInt32(offset + 4 * i)),
                "int64" => ReadInt64(offset + 8 * i),
                "int32" => ReadInt32(offset + 4 * i),
                _ => throw Error($"{name}: dtype '{dtype}' is not a number type"),
            };
        }
        return values;
    }

    public long[] Int64s(JsonElement reference, string name)
    {
        var (count, dtype, offset) = Locate(reference, name);
        var values = new long[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = dtype switch
            {
                "int64" => ReadInt64(offset + 8 * i),
                "int32" => ReadInt32(offset + 4 * i),
                "uint8" or "int8" => _bytes[offset + i],
                _ => throw Error($"{name}: dtype '{dtype}' is not an integer type"),
            };
        }
        return values;
    }

    private (int Count, string Dtype, long Offset) Locate(JsonElement reference, string name)
    {
        if (reference.ValueKind != JsonValueKind.Object || !reference.TryGetProperty("ndarray", out var nd)
            || nd.ValueKind != JsonValueKind.Array || nd.GetArrayLength() != 3)
            throw Error($"{name}: expected {{\"ndarray\": [shape, dtype, offset]}}");
        long count = 1;
        foreach (var dim in nd[0].EnumerateArray())
            count *= dim.GetInt64();
        var dtype = nd[1].GetString() ?? "";
        long offset = nd[2].GetInt64();
        int size = dtype switch { "float64" or "int64" => 8, "float32" or "int32" => 4, _ => 1 };
        if (count < 0 || offset < 0 || offset + count * size > _bytes.Length)
            throw Error($"{name}: array of {count} x {dtype} at {offset} runs past the end of the file");
        return ((int)count, dtype, offset);
    }

    private long ReadInt64(long at)
    {
        var s = _bytes.AsSpan((int)at, 8);
        return _littleEndian ? BinaryPrimitives.ReadInt64LittleEndian(s) : BinaryPrimitives.ReadInt64BigEndian(s);
    }

    private int ReadInt32(long at)
    {
        var s = _bytes.AsSpan((int)at, 4);
        return _littleEndian ? BinaryPrimitives.ReadInt32LittleEndian(s) : BinaryPrimitives.ReadInt32BigEndian(s);
    }

    private VaspFormatException Error(string problem) => new(_file, 0, $"{_where}: {problem}");
}
