using Pipeline.Abstractions;
using Pipeline.Core.Hashing;

namespace Pipeline.Core.Store;

/// <summary>The content-addressed store: every artifact version filed under its content hash.
/// Tables: objects/t/ab/HASH.parquet, files: objects/f/ab/HASH.ext, directories: objects/d/ab/HASH/.
/// Objects are only ever added by rename (complete or absent) and checked against their hash before use.</summary>
public sealed class ObjectStore
{
    private readonly Workspace _workspace;
    private readonly HashCache _cache;

    public ObjectStore(Workspace workspace, HashCache cache)
    {
        _workspace = workspace;
        _cache = cache;
    }

    public string PathOf(StoredArtifact artifact) => PathOf(artifact.Kind, artifact.Hash, artifact.WorkingPath);

    public string PathOf(PortKind kind, string hash, string workingPath)
    {
        var shard = hash[..2];
        return kind switch
        {
            PortKind.Table => Path.Combine(_workspace.ObjectsDir, "t", shard, hash + ".parquet"),
            PortKind.File => Path.Combine(_workspace.ObjectsDir, "f", shard, hash + Path.GetExtension(workingPath)),
            PortKind.Directory => Path.Combine(_workspace.ObjectsDir, "d", shard, hash),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    public bool Exists(StoredArtifact artifact)
    {
        var path = PathOf(artifact);
        return artifact.Kind == PortKind.Directory ? Directory.Exists(path) : File.Exists(path);
    }

    /// <summary>Moves a fully written staged artifact into the store. If the object is already there (same content
    /// produced before) and intact, the staged copy is dropped; a corrupt existing object is quarantined first.</summary>
    public string Commit(StoredArtifact artifact, string stagedPath)
    {
        var target = PathOf(artifact);
        if (Exists(artifact))
        {
            if (Check(artifact, full: true) is null)
            {
                AtomicFile.TryDelete(stagedPath);
                return target;
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (artifact.Kind == PortKind.Directory)
            Directory.Move(stagedPath, target);
        else
            File.Move(stagedPath, target, overwrite: true);
        return target;
    }

    /// <summary>Null when the object exists and has its hash; otherwise why not. A corrupt object is quarantined
    /// (so it is never used again). <paramref name="full"/> re-hashes everything; the quick check trusts the
    /// (path, size, mtime) cache for files and only looks for folders (which are verified in full when a stage reads
    /// them and by `verify`). The full check of a table also checks its footer seal.</summary>
    public string? Check(StoredArtifact artifact, bool full)
    {
        if (!Exists(artifact))
            return "missing from the store";
        if (!full && artifact.Kind == PortKind.Directory)
            return null;
        var path = PathOf(artifact);
        string? found;
        if (full)
        {
            found = StoredTables.Problem(artifact.Kind, path, artifact.Hash);
        }
        else
        {
            try
            {
                var actual = ArtifactHasher.Hash(artifact.Kind, path, _cache);
                found = actual == artifact.Hash ? null : actual;
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException)
            {
                found = "unreadable (" + e.Message + ")";
            }
        }
        if (found is null)
            return null;
        Quarantine(path);
        return $"corrupt in the store (expected {HashHex.Short(artifact.Hash)}, found {Describe(found)}; quarantined)";
    }

    /// <summary>A found hash shortened; any other description as it is.</summary>
    internal static string Describe(string found) => HashHex.IsHash(found) ? HashHex.Short(found) : found;

    /// <summary>Throws <see cref="CorruptObjectException"/> unless the object is intact (full re-hash).</summary>
    public string VerifiedPath(StoredArtifact artifact)
    {
        var problem = Check(artifact, full: true);
        if (problem is not null)
            throw new CorruptObjectException(PathOf(artifact), artifact.Hash, problem);
        return PathOf(artifact);
    }

    public void Quarantine(string objectPath)
    {
        Directory.CreateDirectory(_workspace.QuarantineDir);
        var target = Path.Combine(_workspace.QuarantineDir,
            Path.GetFileName(objectPath) + "." + DateTime.UtcNow.ToString("yyyyMMddTHHmmssfff") + "." + Guid.NewGuid().ToString("N")[..6]);
        _cache.Forget(objectPath);
        if (Directory.Exists(objectPath))
            Directory.Move(objectPath, target);
        else if (File.Exists(objectPath))
            File.Move(objectPath, target);
    }

    /// <summary>Every object in the store, with the kind and hash its location says it has.</summary>
    public IEnumerable<StoreEntry> Enumerate()
    {
        foreach (var (letter, kind) in new[] { ("t", PortKind.Table), ("f", PortKind.File), ("d", PortKind.Directory) })
        {
            var root = Path.Combine(_workspace.ObjectsDir, letter);
            if (!Directory.Exists(root))
                continue;
            foreach (var shard in Directory.EnumerateDirectories(root))
            {
                var entries = kind == PortKind.Directory
                    ? Directory.EnumerateDirectories(shard)
                    : Directory.EnumerateFiles(shard);
                foreach (var path in entries)
                {
                    var name = Path.GetFileName(path);
                    var hash = name.Split('.')[0];
                    yield return new StoreEntry(kind, HashHex.IsHash(hash) ? hash : null, path);
                }
            }
        }
    }

    /// <summary>Size in bytes of an object (a directory: all its files).</summary>
    public static long SizeOf(string path)
        => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length)
            : File.Exists(path) ? new FileInfo(path).Length : 0;
}

/// <summary>An object found in the store; <see cref="Hash"/> is null for a stray file that is no object.</summary>
public sealed record StoreEntry(PortKind Kind, string? Hash, string Path);
