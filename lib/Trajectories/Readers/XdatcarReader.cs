using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Readers;

/// <summary>Streams a VASP XDATCAR (plain or gzipped) frame by frame. Understood layouts:
/// <list type="bullet">
/// <item>VASP 5 and 6: title, scale (one value, three per-axis values, or a negative volume), three lattice rows,
/// species names (VASP 6 may append POTCAR suffixes such as "Li_sv" or "Li_sv/1a2b3c": the element is their
/// leading symbol), counts; then per frame a "Direct configuration= n" (or "Cartesian configuration= n") line, or a
/// blank line as some writers put, followed by one coordinate line per atom (extra columns after x y z are
/// ignored).</item>
/// <item>Variable cell (ISIF = 3): the whole header repeats before every frame; the cell is taken per frame.</item>
/// <item>Concatenated runs (cat XDATCAR.1 XDATCAR.2): a header in the middle of the file starts the next run; its
/// species and counts must match the first.</item>
/// </list>
/// A header without species names (VASP 4 style counts right after the lattice) takes them from
/// <c>speciesOverride</c>. Every problem is reported with the file and the 1-based line.</summary>
public sealed class XdatcarReader : ITrajectoryReader
{
    private readonly Utf8LineReader _lines;
    private readonly string[] _species;
    private readonly int[] _counts;
    private readonly int _atoms;
    private readonly double[] _cell = new double[9];
    private double[]? _inverse; // for Cartesian frames
    private bool _cartesian;
    private long _frames;
    private bool _pendingMarker; // a header was just read; its marker line comes next

    public XdatcarReader(string path, IReadOnlyList<string>? speciesOverride = null, string? displayName = null)
        : this(CompressedFile.OpenRead(path), displayName ?? path, speciesOverride)
    {
    }

    public XdatcarReader(Stream stream, string file, IReadOnlyList<string>? speciesOverride = null)
    {
        File = file;
        _lines = new Utf8LineReader(stream);
        try
        {
            if (!_lines.TryReadLine(out var title))
                throw new VaspFormatException(file, 0, "empty XDATCAR");
            _ = title;
            (_species, _counts) = ReadHeaderAfterTitle(speciesOverride);
            _atoms = _counts.Sum();
            Species = Enumerable.Range(0, _counts.Length).SelectMany(k => Enumerable.Repeat(_species[k], _counts[k])).ToArray();
            _pendingMarker = true;
        }
        catch
        {
            _lines.Dispose();
            throw;
        }
    }

    public string File { get; }
    public IReadOnlyList<string> Species { get; }
    public double? TimeStepFs => null;
    public double? Temperature => null;
    public int Atoms => _atoms;

    public bool TryRead(TrajectoryFrame? frame)
    {
        if (frame is not null && frame.Atoms != _atoms)
            throw new ArgumentException($"frame buffer holds {frame.Atoms} atoms, {File} has {_atoms}");
        if (!_lines.TryReadLine(out var marker)) return false;
        if (!IsMarker(marker))
        {
            if (_pendingMarker)
                throw Error(_lines.LineNumber, $"expected 'Direct configuration=' or a blank line before the coordinates, found '{Show(marker)}'");
            // Not a marker: the header of a variable-cell frame or of a concatenated run (this line is its title).
            var (species, counts) = ReadHeaderAfterTitle(_species);
            if (!counts.SequenceEqual(_counts) || !species.SequenceEqual(_species))
                throw Error(_lines.LineNumber, $"header lists {Describe(species, counts)}, the first header {Describe(_species, _counts)}: a trajectory must keep its atoms");
            if (!_lines.TryReadLine(out marker)) return false; // a trailing header without coordinates
            if (!IsMarker(marker))
                throw Error(_lines.LineNumber, $"expected 'Direct configuration=' after the header, found '{Show(marker)}'");
        }
        _pendingMarker = false;
        var trimmed = AsciiText.TrimStart(marker);
        _cartesian = trimmed.Length > 0 && (trimmed[0] == (byte)'C' || trimmed[0] == (byte)'c' || trimmed[0] == (byte)'K' || trimmed[0] == (byte)'k');
        for (int a = 0; a < _atoms; a++)
        {
            if (!_lines.TryReadLine(out var line))
            {
                if (a == 0 && AsciiText.Trim(marker).IsEmpty) return false; // trailing blank line
                throw Error(_lines.LineNumber + 1, $"file ends inside frame {_frames + 1}: {a} of {_atoms} coordinate lines");
            }
            if (frame is null) continue;
            if (!ParseThree(line, frame.Fractional.AsSpan(3 * a, 3)))
                throw Error(_lines.LineNumber, $"frame {_frames + 1}, atom {a + 1}: expected three coordinates, found '{Show(line)}'");
        }
        if (frame is not null)
        {
            _cell.CopyTo(frame.Cell, 0);
            if (_cartesian)
            {
                _inverse ??= CellMath.Inverse(_cell);
                CellMath.ToFractional(frame.Fractional, _inverse);
            }
            frame.Index = _frames;
        }
        _frames++;
        return true;
    }

    /// <summary>The first three blank-separated numbers of a coordinate line (the hot loop: one call per atom per
    /// frame, so it scans the bytes itself instead of going through the general tokenizer).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static bool ParseThree(ReadOnlySpan<byte> line, Span<double> into)
    {
        int i = 0;
        for (int c = 0; c < 3; c++)
        {
            while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t')) i++;
            int start = i;
            while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t') i++;
            if (i == start || !FastDecimal.TryParse(line[start..i], out into[c])) return false;
        }
        return true;
    }

    /// <summary>Reads scale, lattice, species and counts (the title line is already consumed).</summary>
    private (string[] Species, int[] Counts) ReadHeaderAfterTitle(IReadOnlyList<string>? fallbackSpecies)
    {
        var scaleLine = Next("the scale factor");
        var scales = Numbers(scaleLine, "scale factor");
        if (scales.Count is not (1 or 3))
            throw Error(_lines.LineNumber, $"expected one scale factor (or three), found '{Show(scaleLine)}'");
        long scaleLineNumber = _lines.LineNumber;
        for (int r = 0; r < 3; r++)
        {
            var row = Numbers(Next($"lattice vector {r + 1}"), $"lattice vector {r + 1}");
            if (row.Count < 3) throw Error(_lines.LineNumber, $"lattice vector {r + 1} needs three numbers");
            for (int c = 0; c < 3; c++) _cell[3 * r + c] = row[c];
        }
        if (scales.Count == 3)
        {
            for (int r = 0; r < 3; r++) for (int c = 0; c < 3; c++) _cell[3 * r + c] *= scales[c];
        }
        else if (scales[0] < 0)
        {
            double factor = Math.Cbrt(-scales[0] / CellMath.Volume(_cell));
            for (int i = 0; i < 9; i++) _cell[i] *= factor;
        }
        else if (scales[0] > 0)
        {
            for (int i = 0; i < 9; i++) _cell[i] *= scales[0];
        }
        else throw Error(scaleLineNumber, "the scale factor is zero");
        _inverse = null;

        var line = Next("the species names or counts");
        string[] species;
        var trimmed = AsciiText.Trim(line);
        if (trimmed.Length > 0 && (uint)(trimmed[0] - '0') <= 9)
        {
            // VASP 4: counts follow the lattice directly.
            var counts4 = Counts(line);
            species = fallbackSpecies is { } f && f.Count == counts4.Length
                ? f.ToArray()
                : throw Error(_lines.LineNumber, "the header has no species names (VASP 4 layout): give them as a parameter (species_names)");
            return (species, counts4);
        }
        var labels = AsciiText.Decode(trimmed).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        species = new string[labels.Length];
        for (int k = 0; k < labels.Length; k++)
            species[k] = Elements.SymbolOfLabel(labels[k]) ?? throw Error(_lines.LineNumber, $"'{labels[k]}' is not an element symbol (species line)");
        var counts = Counts(Next("the atom counts"));
        if (counts.Length != species.Length)
            throw Error(_lines.LineNumber, $"{counts.Length} counts for {species.Length} species");
        return (species, counts);
    }

    private int[] Counts(ReadOnlySpan<byte> line)
    {
        var values = new List<int>();
        var tokens = new NumberTokenizer(line);
        while (tokens.MoveNext())
        {
            if (!AsciiText.TryParseInt(tokens.Current, out int n) || n < 0)
                throw Error(_lines.LineNumber, $"'{Show(tokens.Current)}' is not an atom count");
            values.Add(n);
        }
        if (values.Count == 0 || values.Sum() == 0) throw Error(_lines.LineNumber, "no atoms in the counts line");
        return values.ToArray();
    }

    private List<double> Numbers(ReadOnlySpan<byte> line, string what)
    {
        var values = new List<double>(3);
        var tokens = new NumberTokenizer(line);
        while (tokens.MoveNext())
        {
            if (!FastDecimal.TryParse(tokens.Current, out double v))
                throw Error(_lines.LineNumber, $"{what}: '{Show(tokens.Current)}' is not a number");
            values.Add(v);
        }
        return values;
    }

    private ReadOnlySpan<byte> Next(string what)
    {
        if (!_lines.TryReadLine(out var line))
            throw Error(_lines.LineNumber + 1, $"file ends where {what} should be");
        return line;
    }

    private static bool IsMarker(ReadOnlySpan<byte> line)
    {
        var t = AsciiText.Trim(line);
        if (t.IsEmpty) return true;
        return t.IndexOf("configuration"u8) >= 0 && (t[0] is (byte)'D' or (byte)'d' or (byte)'C' or (byte)'c' or (byte)'K' or (byte)'k');
    }

    private static string Describe(string[] species, int[] counts)
        => string.Join(" ", species.Zip(counts, (s, n) => $"{s}{n}"));

    private static string Show(ReadOnlySpan<byte> s)
    {
        var text = AsciiText.Decode(AsciiText.Trim(s));
        return text.Length > 60 ? text[..60] + "..." : text;
    }

    private VaspFormatException Error(long line, string problem) => new(File, line, problem);

    public void Dispose() => _lines.Dispose();
}
