using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Pipeline.Vasp.Parsing;

/// <summary>One frame of an ASE trajectory: what a NEB band image needs.</summary>
public sealed class AseFrame
{
    public required long[] Numbers { get; init; }

    /// <summary>Cell rows a1, a2, a3 (9 doubles, Angstrom).</summary>
    public required double[] Cell { get; init; }

    /// <summary>Cartesian positions (Angstrom), flattened.</summary>
    public required double[] Positions { get; init; }

    /// <summary>Calculator "energy" (eV); NaN when the frame has no calculator energy.</summary>
    public double Energy { get; init; } = double.NaN;

    /// <summary>Calculator "free_energy" (eV); NaN when absent.</summary>
    public double FreeEnergy { get; init; } = double.NaN;

    /// <summary>Calculator forces (eV/Angstrom), flattened; null when absent.</summary>
    public double[]? Forces { get; init; }
}

/// <summary>Reads ASE trajectory files (.traj) in ASE's ULM container format, as written by ASE 3.x:
/// <list type="bullet">
/// <item>bytes 0-7 "- of Ulm" (older files: "AFFormat"), 8-23 the tag ("ASE-Trajectory"), then int64 version,
/// int64 item count and int64 position of the item offset table;</item>
/// <item>each item (frame) at its offset: int64 length, then that many bytes of JSON whose keys ending in '.' are
/// either arrays stored elsewhere in the file ({"ndarray": [shape, dtype, file offset]}) or nested items
/// (the calculator);</item>
/// <item>arrays are raw little-endian numbers unless the JSON says "_little_endian": false.</item>
/// </list>
/// ASE writes the atomic numbers only when they change (normally in the first frame), so a frame without them
/// inherits the previous frame's.</summary>
public static class AseTrajectoryReader
{
    public static IReadOnlyList<AseFrame> Read(string path, string? displayName = null)
        => Read(File.ReadAllBytes(path), displayName ?? path);

    public static IReadOnlyList<AseFrame> Read(byte[] bytes, string file)
    {
        if (bytes.Length < 48)
            throw new VaspFormatException(file, 0, bytes.Length == 0 ? "empty trajectory file" : "file too short for a ULM header");
        var magic = Encoding.ASCII.GetString(bytes, 0, 8);
        if (magic != "- of Ulm" && magic != "AFFormat")
            throw new VaspFormatException(file, 0, $"not an ASE ULM file (magic '{magic}')");
        var tag = Encoding.ASCII.GetString(bytes, 8, 16).TrimEnd();
        if (tag != "ASE-Trajectory")
            throw new VaspFormatException(file, 0, $"ULM tag '{tag}' is not ASE-Trajectory");
        long count = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(32));
        long tablePosition = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(40));
        if (count < 0 || tablePosition < 48 || tablePosition + 8 * count > bytes.Length)
            throw new VaspFormatException(file, 0, $"corrupt ULM header ({count} items, offset table at {tablePosition})");

        var frames = new List<AseFrame>((int)count);
        long[]? numbers = null;
        for (int i = 0; i < count; i++)
        {
            long offset = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)(tablePosition + 8 * i)));
            var frame = ReadFrame(bytes, file, i, offset, numbers);
            numbers = frame.Numbers;
            frames.Add(frame);
        }
        return frames;
    }

    private static AseFrame ReadFrame(byte[] bytes, string file, int index, long offset, long[]? previousNumbers)
    {
        var where = $"frame {index}";
        if (offset < 48 || offset + 8 > bytes.Length)
            throw new VaspFormatException(file, 0, $"{where}: offset {offset} outside the file");
        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan((int)offset));
        if (length <= 0 || offset + 8 + length > bytes.Length)
            throw new VaspFormatException(file, 0, $"{where}: JSON length {length} runs past the end of the file");
        using var json = ParseJson(bytes.AsMemory((int)offset + 8, (int)length), file, where);
        var root = json.RootElement;
        var arrays = new UlmArrays(bytes, file, where,
            littleEndian: !(root.TryGetProperty("_little_endian", out var le) && le.ValueKind == JsonValueKind.False));

        var numbers = root.TryGetProperty("numbers.", out var n) ? arrays.Int64s(n, "numbers")
            : previousNumbers ?? throw new VaspFormatException(file, 0, $"{where}: no atomic numbers");
        var positions = root.TryGetProperty("positions.", out var p) ? arrays.Doubles(p, "positions")
            : throw new VaspFormatException(file, 0, $"{where}: no positions");
        if (positions.Length != 3 * numbers.Length)
            throw new VaspFormatException(file, 0, $"{where}: {positions.Length / 3} positions for {numbers.Length} atoms");
        var cell = ReadCell(root, arrays, file, where);

        double energy = double.NaN, free = double.NaN;
        double[]? forces = null;
        if (root.TryGetProperty("calculator.", out var calc) && calc.ValueKind == JsonValueKind.Object)
        {
            if (calc.TryGetProperty("energy", out var e) && e.ValueKind == JsonValueKind.Number)
                energy = e.GetDouble();
            if (calc.TryGetProperty("free_energy", out var fe) && fe.ValueKind == JsonValueKind.Number)
                free = fe.GetDouble();
            if (calc.TryGetProperty("forces.", out var f))
                forces = arrays.Doubles(f, "forces");
            else if (calc.TryGetProperty("forces", out var fj))
                forces = JsonNumbers(fj, file, where, "forces");
            if (forces is not null && forces.Length != positions.Length)
                throw new VaspFormatException(file, 0, $"{where}: {forces.Length / 3} forces for {numbers.Length} atoms");
        }
        return new AseFrame { Numbers = numbers, Cell = cell, Positions = positions, Energy = energy, FreeEnergy = free, Forces = forces };
    }

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> utf8, string file, string where)
    {
        try
        {
            return JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new VaspFormatException(file, 0, $"{where}: item JSON does not parse ({e.Message})");
        }
    }

    // The cell is a 3x3 list in ASE 3.22 files; other writers store it as an array ("cell.") or as an
    // ASE-json encoded ndarray ({"__ndarray__": [shape, dtype, flat values]}).
    private static double[] ReadCell(JsonElement root, UlmArrays arrays, string file, string where)
    {
        double[] cell = root.TryGetProperty("cell", out var c) ? JsonNumbers(c, file, where, "cell")
            : root.TryGetProperty("cell.", out var ca) ? arrays.Doubles(ca, "cell")
            : throw new VaspFormatException(file, 0, $"{where}: no cell");
        return cell.Length == 9 ? cell : throw new VaspFormatException(file, 0, $"{where}: cell has {cell.Length} numbers, expected 9");
    }

    private static double[] JsonNumbers(JsonElement e, string file, string where, string what)
    {
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("__ndarray__", out var nd) && nd.GetArrayLength() == 3)
            e = nd[2];
        var values = new List<double>();
        Flatten(e, values, file, where, what);
        return values.ToArray();
    }

    private static void Flatten(JsonElement e, List<double> into, string file, string where, string what)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                into.Add(e.GetDouble());
                break;
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    Flatten(item, into, file, where, what);
                break;
            default:
                throw new VaspFormatException(file, 0, $"{where}: {what} holds a {e.ValueKind}, expected numbers");
        }
    }
}
