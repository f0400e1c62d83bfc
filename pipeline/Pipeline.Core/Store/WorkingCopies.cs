using Pipeline.Abstractions;
using Pipeline.Core.Hashing;

namespace Pipeline.Core.Store;

/// <summary>The readable view of current outputs under out/STAGE/ (tables as OUTPUT.parquet, files under their
/// file names, directories under the output name). Copies of store objects, written by temp + rename; the store and
/// the lock stay the truth, so a missing or edited working copy is simply rewritten by the next run.</summary>
/// <remarks>Checks come in two strengths. Thorough (after a commit, in `verify`): content hashes (cached by path, size
/// and mtime). Quick (every up-to-date stage of every run): the same for files, mere existence for folders, because
/// re-listing a dataset folder of thousands of files would dominate a no-op run.</remarks>
public sealed class WorkingCopies(Workspace workspace, ObjectStore store, HashCache cache)
{
    public bool IsCurrent(StoredArtifact artifact, bool thorough = true)
    {
        var path = workspace.Absolute(artifact.WorkingPath);
        bool exists = artifact.Kind == PortKind.Directory ? Directory.Exists(path) : File.Exists(path);
        if (!exists)
            return false;
        if (!thorough && artifact.Kind == PortKind.Directory)
            return true;
        try
        {
            return ArtifactHasher.Hash(artifact.Kind, path, cache) == artifact.Hash;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Writes the working copy unless it is already current. Returns true when it wrote.</summary>
    public bool Materialize(StoredArtifact artifact, bool thorough = true)
    {
        if (IsCurrent(artifact, thorough))
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
