using System.Text;

namespace Pipeline.Core.Store;

/// <summary>Writes that are all-or-nothing: content goes to a temp file beside the target, is flushed to disk, then
/// renamed over the target (rename is atomic on one file system), so a crash leaves the old or the new file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text) => Write(path, s =>
    {
        var bytes = new UTF8Encoding(false).GetBytes(text);
        s.Write(bytes);
    });

    public static void Write(string path, Action<Stream> write)
    {
        var temp = TempPathBeside(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Copies <paramref name="source"/> to <paramref name="destination"/> through a temp file and rename.</summary>
    public static void Copy(string source, string destination)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var temp = TempPathBeside(destination);
        try
        {
            File.Copy(source, temp);
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>A hidden, unique sibling name: ".name.tmp-XXXXXXXX".</summary>
    public static string TempPathBeside(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + TempMarker + Guid.NewGuid().ToString("N")[..8]);
    }

    public const string TempMarker = ".tmp-";

    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
                File.Delete(path);
            else if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Copies a directory tree (used for Directory artifacts and their working copies).</summary>
    public static void CopyTree(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var dir in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(destination, Path.GetRelativePath(source, dir)));
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(destination, Path.GetRelativePath(source, file)));
    }

    /// <summary>Replaces directory <paramref name="target"/> by the fully written <paramref name="staged"/> one.
    /// Two renames: a crash between them leaves the target missing (and is repaired by the next run), never
    /// half-written.</summary>
    public static void ReplaceDirectory(string staged, string target)
    {
        string? old = null;
        if (Directory.Exists(target))
        {
            old = TempPathBeside(target) + ".old";
            Directory.Move(target, old);
        }
        else if (File.Exists(target))
        {
            File.Delete(target);
        }
        Directory.Move(staged, target);
        if (old is not null)
            TryDelete(old);
    }
}
