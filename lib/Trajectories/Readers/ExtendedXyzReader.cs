using System.Globalization;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Readers;

/// <summary>Streams an extended XYZ file (as written by ASE, GPUMD, many ML-MD codes): per frame an atom-count line,
/// a comment line of key=value pairs with <c>Lattice="a1x a1y a1z a2x ... a3z"</c> (required: unwrapping needs the
/// cell) and <c>Properties=species:S:1:pos:R:3:...</c> (default species:S:1:pos:R:3), then one line per atom.
/// Positions are Cartesian, Angstrom. Optional comment keys read: <c>time_step_fs</c> / <c>timestep</c> (fs) and
/// <c>temperature</c> (K). The atom count and species must be the same in every frame.</summary>
public sealed class ExtendedXyzReader : ITrajectoryReader
{
    private readonly Utf8LineReader _lines;
    private readonly string[] _species;
    private byte[][] _speciesBytes = [];
    private readonly double[] _inverse = new double[9];
    private long _frames;
    private long _pendingCountLine; // line number of a count line already read (first frame), 0 if none
    private int _speciesColumn, _posColumn;

    public ExtendedXyzReader(string path, string? displayName = null)
        : this(CompressedFile.OpenRead(path), displayName ?? path)
    {
    }

    public ExtendedXyzReader(Stream stream, string file)
    {
        File = file;
        _lines = new Utf8LineReader(stream);
        try
        {
            // Read the first frame's header and species, then rewind logically: the frame is read again by TryRead.
            if (!_lines.TryReadLine(out var countLine)) throw new VaspFormatException(file, 0, "empty extended XYZ file");
            int atoms = AtomCount(countLine);
            if (!_lines.TryReadLine(out var comment)) throw Error(_lines.LineNumber + 1, "file ends where the comment line should be");
            var keys = ParseComment(comment);
            _species = new string[atoms];
            FirstCell = new double[9];
            ReadHeaderKeys(keys, FirstCell);
            if (keys.TryGetValue("time_step_fs", out var dt) || keys.TryGetValue("timestep", out dt)) TimeStepFs = Number(dt, "time step");
            if (keys.TryGetValue("temperature", out var temp)) Temperature = Number(temp, "temperature");
            FirstPositions = new double[3 * atoms];
            ReadAtoms(atoms, FirstPositions, _species, checkSpecies: false);
            Species = _species;
            _speciesBytes = _species.Select(x => System.Text.Encoding.ASCII.GetBytes(x)).ToArray();
            _pendingCountLine = 1;
        }
        catch
        {
            _lines.Dispose();
            throw;
        }
    }

    public string File { get; }
    public IReadOnlyList<string> Species { get; }
    public double? TimeStepFs { get; }
    public double? Temperature { get; }
    private double[] FirstCell { get; }
    private double[] FirstPositions { get; }

    public bool TryRead(TrajectoryFrame? frame)
    {
        if (_pendingCountLine != 0)
        {
            _pendingCountLine = 0;
            if (frame is not null)
            {
                FirstCell.CopyTo(frame.Cell, 0);
                FirstPositions.CopyTo(frame.Fractional, 0);
                CellMath.Invert(frame.Cell, _inverse);
                CellMath.ToFractional(frame.Fractional, _inverse);
                frame.Index = 0;
            }
            _frames = 1;
            return true;
        }
        ReadOnlySpan<byte> countLine;
        do
        {
            if (!_lines.TryReadLine(out countLine)) return false;
        } while (AsciiText.Trim(countLine).IsEmpty);
        int atoms = AtomCount(countLine);
        if (atoms != _species.Length)
            throw Error(_lines.LineNumber, $"frame {_frames + 1} has {atoms} atoms, the first frame {_species.Length}");
        if (!_lines.TryReadLine(out var comment)) throw Error(_lines.LineNumber + 1, "file ends where the comment line should be");
        if (frame is null)
        {
            for (int a = 0; a < atoms; a++)
                if (!_lines.TryReadLine(out _)) throw Error(_lines.LineNumber + 1, $"file ends inside frame {_frames + 1}");
            _frames++;
            return true;
        }
        ReadHeaderKeys(ParseComment(comment), frame.Cell);
        ReadAtoms(atoms, frame.Fractional, _species, checkSpecies: true);
        CellMath.Invert(frame.Cell, _inverse);
        CellMath.ToFractional(frame.Fractional, _inverse);
        frame.Index = _frames++;
        return true;
    }

    private void ReadHeaderKeys(Dictionary<string, string> keys, double[] cell)
    {
        if (!keys.TryGetValue("lattice", out var lattice))
            throw Error(_lines.LineNumber, "no Lattice=\"...\" on the comment line: the cell is needed to unwrap periodic positions");
        var v = lattice.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (v.Length != 9) throw Error(_lines.LineNumber, $"Lattice has {v.Length} numbers, expected 9");
        for (int i = 0; i < 9; i++) cell[i] = Number(v[i], "Lattice");
        var properties = keys.TryGetValue("properties", out var p) ? p : "species:S:1:pos:R:3";
        var parts = properties.Split(':');
        if (parts.Length % 3 != 0) throw Error(_lines.LineNumber, $"Properties '{properties}' is not name:type:count triples");
        int column = 0;
        _speciesColumn = _posColumn = -1;
        for (int k = 0; k < parts.Length; k += 3)
        {
            if (!int.TryParse(parts[k + 2], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1)
                throw Error(_lines.LineNumber, $"Properties: '{parts[k + 2]}' is not a column count");
            if (parts[k].Equals("species", StringComparison.OrdinalIgnoreCase)) _speciesColumn = column;
            if (parts[k].Equals("pos", StringComparison.OrdinalIgnoreCase) && n == 3) _posColumn = column;
            column += n;
        }
        if (_speciesColumn < 0 || _posColumn < 0) throw Error(_lines.LineNumber, $"Properties '{properties}' has no species:S:1 or pos:R:3");
    }

    private void ReadAtoms(int atoms, double[] positions, string[] species, bool checkSpecies)
    {
        for (int a = 0; a < atoms; a++)
        {
            if (!_lines.TryReadLine(out var line))
                throw Error(_lines.LineNumber + 1, $"file ends inside frame {_frames + 1}: {a} of {atoms} atom lines");
            var rest = line;
            int column = 0, parsed = 0;
            while (true)
            {
                rest = AsciiText.TrimStart(rest);
                if (rest.IsEmpty) break;
                int end = rest.IndexOfAny((byte)' ', (byte)'\t');
                var token = end < 0 ? rest : rest[..end];
                rest = end < 0 ? default : rest[end..];
                if (column == _speciesColumn)
                {
                    if (!checkSpecies)
                        species[a] = Elements.SymbolOfLabel(AsciiText.Decode(token)) ?? throw Error(_lines.LineNumber, $"'{AsciiText.Decode(token)}' is not an element symbol");
                    else if (!token.SequenceEqual(_speciesBytes[a]) && Elements.SymbolOfLabel(AsciiText.Decode(token)) != species[a])
                        throw Error(_lines.LineNumber, $"atom {a + 1} is {AsciiText.Decode(token)} here and {species[a]} in the first frame");
                }
                else if (column >= _posColumn && column < _posColumn + 3)
                {
                    if (!FastDecimal.TryParse(token, out positions[3 * a + column - _posColumn]))
                        throw Error(_lines.LineNumber, $"atom {a + 1}: '{AsciiText.Decode(token)}' is not a number");
                    parsed++;
                }
                column++;
            }
            if (parsed != 3) throw Error(_lines.LineNumber, $"atom {a + 1}: expected three position columns, found {parsed}");
        }
    }

    private int AtomCount(ReadOnlySpan<byte> line)
    {
        if (!AsciiText.TryParseInt(AsciiText.Trim(line), out int n) || n < 1)
            throw Error(_lines.LineNumber, $"expected the atom count, found '{AsciiText.Decode(AsciiText.Trim(line))}'");
        return n;
    }

    /// <summary>key=value pairs, values optionally in double quotes; keys lower-cased.</summary>
    private static Dictionary<string, string> ParseComment(ReadOnlySpan<byte> line)
    {
        var text = AsciiText.Decode(line);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            int keyStart = i;
            while (i < text.Length && text[i] != '=' && !char.IsWhiteSpace(text[i])) i++;
            var key = text[keyStart..i].ToLowerInvariant();
            if (i >= text.Length || text[i] != '=') { if (key.Length > 0) keys[key] = "T"; continue; }
            i++;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                int close = text.IndexOf('"', i + 1);
                if (close < 0) close = text.Length;
                value = text[(i + 1)..close];
                i = Math.Min(text.Length, close + 1);
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
                value = text[start..i];
            }
            if (key.Length > 0) keys[key] = value;
        }
        return keys;
    }

    private double Number(string s, string what)
        => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            ? v : throw Error(_lines.LineNumber, $"{what}: '{s}' is not a number");

    private VaspFormatException Error(long line, string problem) => new(File, line, problem);

    public void Dispose() => _lines.Dispose();
}
