using System.Text;
using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Ingest;

/// <summary>Per-calculation parse results on disk, one small binary file per key. The key is the XXH128 of the
/// format version, the parser's implementation version (<see cref="ParserVersion"/>), the calculation kind and the
/// sorted (calculation-relative path, file hash) list, so a changed, added or removed raw file is a new key, a
/// folder that is moved or renamed is still found, and a parser fix never serves parses of an older parser (the
/// cache is shared by every workspace and build of the tool). Entries live in "vasp-parse/parser-N/"; the file
/// "vasp-parse/CURRENT" names that folder so `pipeline gc` can delete the folders of other parser versions.
/// Entries are written to a temporary file and renamed, so concurrent runs never see half an entry; an
/// unreadable entry is treated as a miss.</summary>
public sealed class ParseCache
{
    private const string Format = "vasp-ingest-parse/2";

    /// <summary>Implementation version of everything that turns raw files into a <see cref="CalcParse"/> (OUTCAR,
    /// POSCAR, INCAR and vasprun.xml readers, <see cref="ImageReader"/>, <see cref="CalcParse"/>). Bump it whenever a
    /// change can alter a parse or a rejection. 2: non-finite values and over-long lines rejected, energies and
    /// forces paired by ionic step whatever the block order (VASP 5.2), vasprun.xml images.</summary>
    public const int ParserVersion = 2;

    /// <summary>File in the cache folder naming the sub-folder of the current parser version (read by `gc`).</summary>
    public const string CurrentMarker = "CURRENT";

    private readonly string? _directory;

    /// <param name="directory">Cache folder; null disables caching.</param>
    public ParseCache(string? directory)
    {
        if (string.IsNullOrEmpty(directory))
            return;
        var root = Path.Combine(directory, "vasp-parse");
        var version = $"parser-{ParserVersion}";
        _directory = Path.Combine(root, version);
        Directory.CreateDirectory(_directory);
        WriteCurrentMarker(root, version);
    }

    // Atomic (temp + rename); several builds may share the folder, and the last one to run is "current".
    private static void WriteCurrentMarker(string root, string version)
    {
        var marker = Path.Combine(root, CurrentMarker);
        try
        {
            if (File.Exists(marker) && File.ReadAllText(marker).Trim() == version)
                return;
            var temp = $"{marker}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
            File.WriteAllText(temp, version + "\n");
            File.Move(temp, marker, overwrite: true);
        }
        catch (IOException)
        {
            // The marker only guides gc; a concurrent writer or a read-only cache must not fail the ingest.
        }
    }

    public static string KeyOf(CalcKind kind, IEnumerable<(string File, string Hash)> files)
        => KeyOf(kind, files, ParserVersion);

    public static string KeyOf(CalcKind kind, IEnumerable<(string File, string Hash)> files, int parserVersion)
    {
        var text = new StringBuilder(Format).Append('\n').Append("parser ").Append(parserVersion).Append('\n')
            .Append(kind).Append('\n');
        foreach (var (file, hash) in files)
            text.Append(file).Append('=').Append(hash).Append('\n');
        return RawFileHasher.HashText(text.ToString());
    }

    public bool TryLoad(string key, out CalcParse parse)
    {
        parse = null!;
        if (_directory is null)
            return false;
        var path = Path.Combine(_directory, key + ".bin");
        if (!File.Exists(path))
            return false;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            if (reader.ReadString() != Format)
                return false;
            parse = ReadParse(reader);
            return true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException)
        {
            return false;
        }
    }

    public void Store(string key, CalcParse parse)
    {
        if (_directory is null)
            return;
        var path = Path.Combine(_directory, key + ".bin");
        var temp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
        {
            writer.Write(Format);
            WriteParse(writer, parse);
        }
        File.Move(temp, path, overwrite: true);
    }

    private static void WriteParse(BinaryWriter w, CalcParse parse)
    {
        if (parse.Rejection is { } r)
        {
            w.Write((byte)0);
            w.Write(r.Code);
            w.Write(r.Detail);
            w.Write(r.File);
            w.Write(r.Line);
        }
        else if (parse.Band is { } band)
        {
            w.Write((byte)1);
            w.Write(band.Climbing);
            w.Write(band.Images.Count);
            foreach (var image in band.Images)
                WriteImage(w, image);
        }
        else
        {
            w.Write((byte)2);
            WriteImage(w, parse.SinglePoint!);
        }
    }

    private static CalcParse ReadParse(BinaryReader r)
    {
        switch (r.ReadByte())
        {
            case 0:
                return CalcParse.Rejected(new Rejection(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadInt64()));
            case 1:
                bool climbing = r.ReadBoolean();
                int n = r.ReadInt32();
                var images = new NebImage[n];
                for (int i = 0; i < n; i++)
                    images[i] = ReadImage(r);
                return new CalcParse(new NebBand(images, climbing), null, null);
            case 2:
                return new CalcParse(null, ReadImage(r), null);
            default:
                throw new FormatException("unknown cache entry kind");
        }
    }

    private static void WriteImage(BinaryWriter w, NebImage image)
    {
        var s = image.Structure;
        WriteDoubles(w, s.Lattice);
        w.Write(s.AtomCount);
        foreach (var sp in s.Species)
            w.Write(sp);
        WriteDoubles(w, s.Frac);
        w.Write(image.Energy);
        w.Write(image.Toten);
        w.Write(image.MaxForce);
        w.Write(image.TangentForce);
    }

    private static NebImage ReadImage(BinaryReader r)
    {
        var lattice = ReadDoubles(r);
        int atoms = r.ReadInt32();
        var species = new string[atoms];
        for (int i = 0; i < atoms; i++)
            species[i] = r.ReadString();
        var frac = ReadDoubles(r);
        var crystal = new Crystal(lattice, species, frac);
        return new NebImage(crystal, r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
    }

    private static void WriteDoubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
            w.Write(v);
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 100_000_000)
            throw new FormatException("bad array length");
        var values = new double[n];
        for (int i = 0; i < n; i++)
            values[i] = r.ReadDouble();
        return values;
    }
}
