using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Core.Provenance;

/// <summary>What an ARTIFACT argument names: <c>stage.output</c> from pipeline.lock (or just <c>stage</c> when it has
/// a single output), or a file path (a .parquet or .csv anywhere, e.g. a one-off command's output).</summary>
public sealed record ResolvedArtifact(string Name, PortKind Kind, string Hash, string Path, string? WorkingPath, bool InStore)
{
    /// <summary>For a table: the content read while checking it (so callers do not read it a second time).</summary>
    public Table? Table { get; init; }
}

public static class ArtifactResolver
{
    public static ResolvedArtifact Resolve(Workspace workspace, LockFile lockFile, string text)
    {
        var dot = text.IndexOf('.');
        if (dot > 0 && lockFile.Stages.TryGetValue(text[..dot], out var stage) && stage.Outputs.TryGetValue(text[(dot + 1)..], out var artifact))
            return FromStore(workspace, text, artifact);
        if (lockFile.Stages.TryGetValue(text, out var only) && only.Outputs.Count == 1)
            return FromStore(workspace, $"{text}.{only.Outputs.Keys.First()}", only.Outputs.Values.First());
        var path = Path.GetFullPath(text);
        if (File.Exists(path))
        {
            var isTable = path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
            if (isTable)
            {
                var table = TableFiles.Read(path);
                return new ResolvedArtifact(text, PortKind.Table, TableHasher.Hash(table), path, null, false) { Table = table };
            }
            return new ResolvedArtifact(text, PortKind.File, FileHasher.HashFile(path), path, null, false);
        }
        if (Directory.Exists(path))
            return new ResolvedArtifact(text, PortKind.Directory, DirectoryHasher.Hash(path), path, null, false);
        var known = lockFile.Stages.SelectMany(s => s.Value.Outputs.Keys.Select(o => $"{s.Key}.{o}")).ToList();
        throw new KeyNotFoundException($"no artifact '{text}': not a stage output in pipeline.lock and not a file"
            + (known.Count > 0 ? $" (artifacts: {string.Join(", ", known)})" : " (pipeline.lock is empty: run the pipeline first)"));
    }

    /// <summary>A lock output, read from its store object (or, when that is gone, its working copy) after checking
    /// the content against the lock's hash: what `show` and `export` print is what the lock says. Nothing is moved
    /// (these commands do not hold the writer lock); a mismatch is an <see cref="IOException"/> saying what to do.</summary>
    private static ResolvedArtifact FromStore(Workspace workspace, string name, StoredArtifact artifact)
    {
        var store = new ObjectStore(workspace, new HashCache(null));
        var objectPath = store.PathOf(artifact);
        var exists = artifact.Kind == PortKind.Directory ? Directory.Exists(objectPath) : File.Exists(objectPath);
        var working = workspace.Absolute(artifact.WorkingPath);
        var path = exists ? objectPath : working;
        var resolved = new ResolvedArtifact(name, artifact.Kind, artifact.Hash, path, artifact.WorkingPath, exists);
        if (!exists && !File.Exists(working) && !Directory.Exists(working))
            return resolved; // nothing on disk: `show` says so
        string? problem;
        Table? table = null;
        if (artifact.Kind == PortKind.Table)
            table = StoredTables.Read(path, artifact.Hash, out problem);
        else
            problem = StoredTables.Problem(artifact.Kind, path, artifact.Hash);
        if (problem is null)
            return resolved with { Table = table };
        var found = ObjectStore.Describe(problem);
        throw exists
            ? new IOException($"{name}: store object {workspace.Relative(objectPath)} is corrupt (expected {artifact.Hash}, found {found}); "
                              + "`pipeline verify` quarantines it and `pipeline run` rebuilds it")
            : new IOException($"{name}: the store object is missing and the working copy {artifact.WorkingPath} differs from pipeline.lock "
                              + $"(expected {artifact.Hash}, found {found}); `pipeline run` rebuilds it");
    }
}
