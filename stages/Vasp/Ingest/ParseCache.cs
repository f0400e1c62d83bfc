using System.Text;
using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Ingest;

/// <summary>Per-calculation parse results on disk, one small binary file per key. The key is the XXH128 of the
/// format version, the calculation kind and the sorted (calculation-relative path, file hash) list, so a changed,
/// added or removed raw file is a new key, and a folder that is moved or renamed is still found. Entries are
/// written to a temporary file and renamed, so concurrent runs never see half an entry; an unreadable entry is
/// treated as a miss.</summary>
public sealed class ParseCache
{
    private const string Format = "vasp-ingest-parse/1";

    private readonly string? _directory;

    /// <param name="directory">Cache folder; null disables caching.</param>
    public ParseCache(string? directory)
    {
        _directory = string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, "vasp-parse");
        if (_directory is not null)
            Directory.CreateDirectory(_directory);
    }

    public static string KeyOf(CalcKind kind, IEnumerable<(string File, string Hash)> files)
    {
        var text = new StringBuilder(Format).Append('\n').Append(kind).Append('\n');
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
