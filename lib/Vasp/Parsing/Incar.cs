using System.Globalization;

namespace Pipeline.Vasp.Parsing;

/// <summary>A parsed INCAR: KEY = value statements, keys case-insensitive (stored upper-case), comments after '#'
/// or '!', several statements per line separated by ';'. A key given twice is an error (VASP would silently take
/// one of them). Typed accessors name the file and line of a value that does not parse.</summary>
public sealed class Incar
{
    private readonly Dictionary<string, (string Value, int Line)> _entries;

    private Incar(string file, Dictionary<string, (string, int)> entries)
    {
        File = file;
        _entries = entries;
    }

    public string File { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    public bool Has(string key) => _entries.ContainsKey(key.ToUpperInvariant());

    /// <summary>Raw value text (trimmed), or null when the key is absent.</summary>
    public string? Raw(string key) => _entries.TryGetValue(key.ToUpperInvariant(), out var e) ? e.Value : null;

    /// <summary>1-based line of the key, 0 when absent.</summary>
    public int LineOf(string key) => _entries.TryGetValue(key.ToUpperInvariant(), out var e) ? e.Line : 0;

    public int? Int(string key)
    {
        var v = Raw(key);
        if (v is null)
            return null;
        return int.TryParse(FirstWord(v), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i)
            ? i : throw Bad(key, "an integer");
    }

    public double? Double(string key)
    {
        var v = Raw(key);
        if (v is null)
            return null;
        var w = FirstWord(v).Replace('d', 'e').Replace('D', 'E');
        return double.TryParse(w, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? d : throw Bad(key, "a number");
    }

    /// <summary>Fortran logical: .TRUE./T/TRUE or .FALSE./F/FALSE (any case).</summary>
    public bool? Bool(string key)
    {
        var v = Raw(key);
        if (v is null)
            return null;
        var w = FirstWord(v).Trim('.').ToUpperInvariant();
        return w switch
        {
            "T" or "TRUE" => true,
            "F" or "FALSE" => false,
            _ => throw Bad(key, "a logical (.TRUE. or .FALSE.)"),
        };
    }

    /// <summary>Number of intermediate NEB images.</summary>
    public int? Images => Int("IMAGES");

    /// <summary>Climbing image (VTST); null when not set.</summary>
    public bool? LClimb => Bool("LCLIMB");

    public double? Ediffg => Double("EDIFFG");
    public double? Ediff => Double("EDIFF");
    public int? Nelm => Int("NELM");
    public int? Nsw => Int("NSW");
    public int? Ibrion => Int("IBRION");
    public int? Isif => Int("ISIF");
    public double? Encut => Double("ENCUT");
    public double? Spring => Double("SPRING");

    public static Incar Parse(string path, string? displayName = null) => ParseText(SmallTextFile.Read(path, displayName ?? path), displayName ?? path);

    public static Incar ParseText(string text, string file)
    {
        var entries = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]);
            foreach (var statement in line.Split(';'))
            {
                if (string.IsNullOrWhiteSpace(statement))
                    continue;
                int eq = statement.IndexOf('=');
                if (eq < 0)
                    throw new VaspFormatException(file, i + 1, $"'{statement.Trim()}' is not a KEY = value statement");
                var key = statement[..eq].Trim().ToUpperInvariant();
                var value = statement[(eq + 1)..].Trim();
                if (key.Length == 0 || key.Any(char.IsWhiteSpace))
                    throw new VaspFormatException(file, i + 1, $"'{statement.Trim()}' has no single key before '='");
                if (!entries.TryAdd(key, (value, i + 1)))
                    throw new VaspFormatException(file, i + 1, $"{key} is set twice (first on line {entries[key].Item2})");
            }
        }
        return new Incar(file, entries);
    }

    private static string StripComment(string line)
    {
        int cut = line.IndexOfAny(['#', '!']);
        return (cut >= 0 ? line[..cut] : line).TrimEnd('\r');
    }

    private static string FirstWord(string v)
    {
        var words = v.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 ? words[0] : "";
    }

    private VaspFormatException Bad(string key, string expected)
        => new(File, LineOf(key), $"{key.ToUpperInvariant()} = '{Raw(key)}' is not {expected}");
}
