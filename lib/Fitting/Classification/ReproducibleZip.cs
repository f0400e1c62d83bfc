using System.IO.Compression;

namespace Pipeline.Fitting.Classification;

/// <summary>Rewrites a zip so the same content gives the same bytes: entries in ordinal name order, every entry time
/// set to one fixed instant. ML.NET stamps each entry of a saved model with the time of saving, which made
/// classifier.zip a new artifact hash on every fit and re-ran everything that reads it.</summary>
public static class ReproducibleZip
{
    /// <summary>The entry time written (zip times are local DOS times from 1980; any fixed value will do).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Copies the zip in <paramref name="source"/> into <paramref name="path"/> (temp file + rename).</summary>
    public static void Write(Stream source, string path)
    {
        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            using (var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true))
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var output = new ZipArchive(file, ZipArchiveMode.Create))
            {
                foreach (var entry in input.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
                {
                    var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                    copy.LastWriteTime = EntryTime;
                    using var from = entry.Open();
                    using var to = copy.Open();
                    from.CopyTo(to);
                }
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
