using System.Text;

namespace Pipeline.Vasp.Parsing;

/// <summary>Reads the small text inputs (POSCAR, CONTCAR, INCAR) whole, possibly gzipped, with the OUTCAR's line
/// cap and a total cap, so a huge or line-less file named CONTCAR is a format error, not an out-of-memory.</summary>
public static class SmallTextFile
{
    /// <summary>Largest text accepted (64 MiB, about a million atoms of POSCAR; read whole, so it bounds memory).</summary>
    public const long MaxBytes = 64L << 20;

    public static string Read(string path, string displayName, int maxLineLength = Utf8LineReader.DefaultMaxLineLength)
    {
        var text = new StringBuilder();
        using var reader = new Utf8LineReader(CompressedFile.OpenRead(path), maxLineLength);
        try
        {
            while (reader.TryReadLine(out var line))
            {
                if (reader.BytesRead > MaxBytes)
                    throw new VaspFormatException(displayName, reader.LineNumber, $"file is larger than {MaxBytes >> 20} MiB");
                text.Append(Encoding.UTF8.GetString(line)).Append('\n');
            }
        }
        catch (LineTooLongException e)
        {
            throw new VaspFormatException(displayName, e.Line, e.Problem);
        }
        catch (InvalidDataException e)
        {
            throw new VaspFormatException(displayName, reader.LineNumber, $"corrupt compressed data ({e.Message})");
        }
        // A UTF-8 byte-order mark (some Windows editors write one) is not part of the first line.
        return text.Length > 0 && text[0] == '\uFEFF' ? text.ToString(1, text.Length - 1) : text.ToString();
    }
}
