using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Execution;

/// <summary>One resolved input of a running stage: its kind and hash, and how to read it. Reads verify the content
/// against the hash, so a corrupt or changed file is never silently used.</summary>
public abstract class InputHandle
{
    public abstract PortKind Kind { get; }
    public abstract string Hash { get; }
    /// <summary>Where it came from (<c>stage.output</c> or a path), for messages.</summary>
    public abstract string Source { get; }
    public abstract Table ReadTable();
    public abstract string LocalPath();
}

/// <summary>An upstream output in the content-addressed store.</summary>
public sealed class StoredInput(ObjectStore store, StoredArtifact artifact, string source) : InputHandle
{
    private string? _verifiedPath;

    public override PortKind Kind => artifact.Kind;
    public override string Hash => artifact.Hash;
    public override string Source => source;
    public StoredArtifact Artifact => artifact;

    public override Table ReadTable()
    {
        var path = store.PathOf(artifact);
        if (!File.Exists(path))
            throw new CorruptObjectException(path, artifact.Hash, "missing");
        var table = StoredTables.Read(path, artifact.Hash, out var problem);
        if (table is null)
        {
            store.Quarantine(path);
            throw new CorruptObjectException(path, artifact.Hash, problem!);
        }
        return table;
    }

    public override string LocalPath() => _verifiedPath ??= store.VerifiedPath(artifact);
}

/// <summary>A raw file or folder (or one-off command input) hashed before the stage started.</summary>
public sealed class RawInput(PortKind kind, string path, string hash, string source) : InputHandle
{
    public override PortKind Kind => kind;
    public override string Hash => hash;
    public override string Source => source;

    public override Table ReadTable()
    {
        var table = TableFiles.Read(path);
        var actual = TableHasher.Hash(table);
        if (actual != hash)
            throw new IOException($"{path} changed while the stage ran (hash {HashHex.Short(hash)} -> {HashHex.Short(actual)}); run again");
        return table;
    }

    public override string LocalPath() => path;
}

/// <summary>A glob bound to a Directory port: the matched files, presented to the stage as one folder of symbolic
/// links (copies where links are not allowed) built on first use.</summary>
public sealed class GlobDirectoryInput(IReadOnlyList<(string Relative, string FullPath)> files, string hash, string source,
    string viewDirectory) : InputHandle
{
    private readonly object _gate = new();
    private bool _built;

    public override PortKind Kind => PortKind.Directory;
    public override string Hash => hash;
    public override string Source => source;

    public override Table ReadTable() => throw new InvalidOperationException($"input {source} is a directory, not a table");

    public override string LocalPath()
    {
        lock (_gate)
        {
            if (_built)
                return viewDirectory;
            foreach (var (relative, full) in files)
            {
                var target = Path.Combine(viewDirectory, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.CreateSymbolicLink(target, full);
                }
                catch (IOException)
                {
                    File.Copy(full, target);
                }
                catch (UnauthorizedAccessException)
                {
                    File.Copy(full, target);
                }
            }
            Directory.CreateDirectory(viewDirectory);
            _built = true;
            return viewDirectory;
        }
    }

    public static string HashOf(IReadOnlyList<(string Relative, string FullPath)> files, HashCache? cache)
        => DirectoryHasher.HashManifest(files.Select(f => new ManifestEntry(f.Relative,
            cache is null ? FileHasher.HashFile(f.FullPath) : cache.GetOrCompute(f.FullPath, "file", FileHasher.HashFile))));
}
