using Pipeline.Abstractions;
using Pipeline.Core.Hashing;

namespace Pipeline.Core.Store;

/// <summary>The readable view of current outputs under out/STAGE/ (tables as OUTPUT.parquet, files under their
/// file names, directories under the output name). Copies of store objects, written by temp + rename; the store and
/// the lock stay the truth, so a missing or edited working copy is simply rewritten by the next run.</summary>
/// <remarks>Every check (after a commit, on every up-to-date stage of every run, in `verify`) compares content hashes,
/// cached by (path, size, mtime): a file is read again only when it changed, a folder costs one listing and one stat
/// per file. So whatever `verify` calls stale, the next `run` rewrites — including a file edited inside a folder copy
/// and files added to one. Copies, not hard links: a hard-linked working copy shares its inode with the store object,
/// so an edit in place (after chmod, or by a tool that ignores permissions, or as root) would corrupt the store
/// itself; .NET also has no hard-link API. The price is disk space for a second copy of each current output.</remarks>
public sealed class WorkingCopies(Workspace workspace, ObjectStore store, HashCache cache)
{
    public bool IsCurrent(StoredArtifact artifact)
    {
        var path = workspace.Absolute(artifact.WorkingPath);
        bool exists = artifact.Kind == PortKind.Directory ? Directory.Exists(path) : File.Exists(path);
        if (!exists)
            return false;
        try
        {
            var actual = artifact.Kind == PortKind.Directory ? FolderHash(path) : ArtifactHasher.Hash(artifact.Kind, path, cache);
            return actual == artifact.Hash;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The folder's content hash through the hash cache, from one enumeration that also yields each file's
    /// size and mtime (every up-to-date stage of every run pays this, so no FileInfo or path work per file).</summary>
    private string FolderHash(string folder)
    {
        var root = Path.GetFullPath(folder);
        var files = new System.IO.Enumeration.FileSystemEnumerable<(string Full, long Size, DateTime Mtime)>(root,
            (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) => !e.IsDirectory,
        };
        var entries = new List<ManifestEntry>();
        int prefix = root.Length + (Path.EndsInDirectorySeparator(root) ? 0 : 1);
        foreach (var (full, size, mtime) in files)
        {
            var relative = Path.DirectorySeparatorChar == '/' ? full[prefix..] : full[prefix..].Replace('\\', '/');
            entries.Add(new ManifestEntry(relative, cache.GetOrCompute(full, size, mtime, "file", FileHasher.HashFile)));
        }
        return DirectoryHasher.HashManifest(entries);
    }

    /// <summary>Writes the working copy unless it is already current. Returns true when it wrote.</summary>
    public bool Materialize(StoredArtifact artifact)
    {
        if (IsCurrent(artifact))
            return false;
        var source = store.PathOf(artifact);
        var target = workspace.Absolute(artifact.WorkingPath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        CleanLeftovers(Path.GetDirectoryName(target)!);
        if (artifact.Kind == PortKind.Directory)
        {
            var staged = AtomicFile.TempPathBeside(target);
            AtomicFile.CopyTree(source, staged);
            AtomicFile.ReplaceDirectory(staged, target);
        }
        else
        {
            if (Directory.Exists(target))
                Directory.Delete(target, recursive: true);
            AtomicFile.Copy(source, target);
        }
        return true;
    }

    /// <summary>Removes temp files and folders a killed run may have left beside working copies.</summary>
    private static void CleanLeftovers(string folder)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "." + "*" + AtomicFile.TempMarker + "*"))
            AtomicFile.TryDelete(entry);
    }
}
