using System.Globalization;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Parsing;

/// <summary>Reads POSCAR/CONTCAR files: VASP 5 (species line) and VASP 4 (none); one scale factor (negative =
/// target cell volume) or three per-axis factors; Direct or Cartesian coordinates (first letter C/c/K/k means
/// Cartesian, anything else Direct, as in VASP); optional Selective dynamics. Velocity and predictor blocks after
/// the coordinates (CONTCAR) are ignored.</summary>
public static class PoscarParser
{
    public static Poscar Parse(string path, string? displayName = null, int maxLineLength = Utf8LineReader.DefaultMaxLineLength)
    {
        var name = displayName ?? path;
        return ParseText(SmallTextFile.Read(path, name, maxLineLength), name);
    }

    public static Poscar ParseText(string text, string file)
    {
        var lines = new LineCursor(text, file);
        var comment = lines.Next("comment line").Trim();
        var scale = lines.NextNumbers("scale factor", 1, 3);
        if (scale.Length == 2)
            throw lines.Error("scale factor: give one number or three");
        var lattice = new double[9];
        for (int r = 0; r < 3; r++)
        {
            var row = lines.NextNumbers($"lattice vector {r + 1}", 3, 3);
            row.CopyTo(lattice, 3 * r);
        }
        ApplyScale(lattice, scale, lines);
        if (LatticeMath.Volume(lattice) < 1e-9)
            throw lines.ErrorAt(3, "lattice vectors span zero volume");

        // Species and counts lines may wrap over several lines (writers that break long lines): species lines are
        // read until a numeric line, then count lines until there is one count per species.
        List<string>? symbolList = null;
        var words = lines.NextWords("species or atom counts");
        while (!IsNumber(words[0]))
        {
            symbolList ??= new List<string>();
            symbolList.AddRange(words.Select(w => Elements.SymbolOfLabel(w)
                ?? throw lines.Error($"species line: '{w}' is not an element")));
            words = lines.NextWords("atom counts");
        }
        var counts = new List<int>(ParseCounts(words, lines));
        while (symbolList is not null && counts.Count < symbolList.Count && lines.PeekIsNumeric())
            counts.AddRange(ParseCounts(lines.NextWords("atom counts"), lines));
        var symbols = symbolList?.ToArray();
        if (symbols is not null && symbols.Length != counts.Count)
            throw lines.Error($"{symbols.Length} species but {counts.Count} atom counts");

        var mode = lines.Next("coordinate mode").TrimStart();
        bool selective = mode.Length > 0 && (mode[0] == 'S' || mode[0] == 's');
        if (selective)
            mode = lines.Next("coordinate mode").TrimStart();
        bool cartesian = mode.Length > 0 && "CcKk".Contains(mode[0]);

        int n = counts.Sum();
        var coords = new double[3 * n];
        var movable = selective ? new bool[3 * n] : null;
        for (int a = 0; a < n; a++)
        {
            var w = lines.NextWords($"coordinates of atom {a + 1}");
            if (w.Length < (selective ? 6 : 3))
                throw lines.Error($"atom {a + 1}: expected {(selective ? "3 coordinates and 3 T/F flags" : "3 coordinates")}");
            for (int k = 0; k < 3; k++)
            {
                coords[3 * a + k] = ParseNumber(w[k], lines, $"atom {a + 1} coordinate");
                if (movable is not null)
                    movable[3 * a + k] = ParseFlag(w[3 + k], lines, a);
            }
        }
        double[] frac = coords;
        if (cartesian)
        {
            for (int i = 0; i < coords.Length; i += 3)
            {
                coords[i] *= scale[0];
                coords[i + 1] *= scale.Length == 3 ? scale[1] : scale[0];
                coords[i + 2] *= scale.Length == 3 ? scale[2] : scale[0];
            }
            frac = LatticeMath.ToFractional(lattice, coords);
        }
        return new Poscar
        {
            File = file,
            Comment = comment,
            Lattice = lattice,
            TypeSymbols = symbols,
            Counts = counts.ToArray(),
            Frac = frac,
            Movable = movable,
            WasCartesian = cartesian,
        };
    }

    // VASP: one positive factor scales everything; a negative one is the wanted cell volume; three scale the
    // Cartesian axes. The per-axis factors are copied back into `scale` so Cartesian positions use them too.
    private static void ApplyScale(double[] lattice, double[] scale, LineCursor lines)
    {
        if (scale.Length == 1)
        {
            double s = scale[0];
            if (s == 0)
                throw lines.ErrorAt(2, "scale factor is zero");
            if (s < 0)
            {
                double volume = LatticeMath.Volume(lattice);
                if (volume <= 0)
                    throw lines.ErrorAt(2, "lattice has zero volume");
                s = Math.Cbrt(-s / volume);
                scale[0] = s;
            }
            for (int i = 0; i < 9; i++)
                lattice[i] *= s;
            return;
        }
        if (scale.Any(v => v <= 0))
            throw lines.ErrorAt(2, "per-axis scale factors must be positive");
        for (int r = 0; r < 3; r++)
        {
            for (int k = 0; k < 3; k++)
                lattice[3 * r + k] *= scale[k];
        }
    }

    private static IEnumerable<int> ParseCounts(string[] words, LineCursor lines)
        => words.Select(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out int c) && c > 0
            ? c : throw lines.Error($"atom counts: '{w}' is not a positive integer")).ToArray();

    private static bool IsNumber(string w) => double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // NaN, Infinity and overflowing values (1e999) are not coordinates.
    private static bool TryParseFinite(string w, out double v)
        => double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v);

    private static double ParseNumber(string w, LineCursor lines, string what)
        => TryParseFinite(w, out double v) ? v
            : throw lines.Error(IsNumber(w) ? $"{what}: '{w}' is not a finite number" : $"{what}: '{w}' is not a number");

    private static bool ParseFlag(string w, LineCursor lines, int atom) => w switch
    {
        "T" or "t" or ".TRUE." or ".true." => true,
        "F" or "f" or ".FALSE." or ".false." => false,
        _ => throw lines.Error($"atom {atom + 1}: selective-dynamics flag '{w}' is not T or F"),
    };

    /// <summary>Line-numbered access to a small text file for the POSCAR and INCAR readers.</summary>
    private sealed class LineCursor
    {
        private readonly string[] _lines;
        private readonly string _file;
        private int _index;

        public LineCursor(string text, string file)
        {
            _lines = text.Split('\n');
            _file = file;
        }

        public string Next(string what)
        {
            if (_index >= _lines.Length || (_index == _lines.Length - 1 && _lines[_index].Length == 0))
                throw new VaspFormatException(_file, _index + 1, $"file ends before the {what}");
            return _lines[_index++].TrimEnd('\r');
        }

        /// <summary>Whether the next line starts with a number (a continued counts line).</summary>
        public bool PeekIsNumeric()
        {
            if (_index >= _lines.Length)
                return false;
            var words = _lines[_index].Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            return words.Length > 0 && IsNumber(words[0]);
        }

        public string[] NextWords(string what)
        {
            var words = Next(what).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            return words.Length > 0 ? words : throw Error($"{what}: empty line");
        }

        public double[] NextNumbers(string what, int min, int max)
        {
            var words = NextWords(what);
            var numbers = new List<double>();
            foreach (var w in words)
            {
                if (numbers.Count == max || !double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    break;
                if (!double.IsFinite(v))
                    throw Error($"{what}: '{w}' is not a finite number");
                numbers.Add(v);
            }
            return numbers.Count >= min ? numbers.ToArray() : throw Error($"{what}: expected {min} number(s)");
        }

        /// <summary>An error about the line just read.</summary>
        public VaspFormatException Error(string problem) => new(_file, _index, problem);

        public VaspFormatException ErrorAt(int line, string problem) => new(_file, line, problem);
    }
}
