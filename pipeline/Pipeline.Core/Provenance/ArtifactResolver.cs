using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Provenance;

/// <summary>What an ARTIFACT argument names: <c>stage.output</c> from pipeline.lock (or just <c>stage</c> when it has
/// a single output), or a file path (a .parquet or .csv anywhere, e.g. a one-off command's output).</summary>
public sealed record ResolvedArtifact(string Name, PortKind Kind, string Hash, string Path, string? WorkingPath, bool InStore);

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
            var kind = isTable ? PortKind.Table : PortKind.File;
            return new ResolvedArtifact(text, kind, ArtifactHasher.Hash(kind, path, null), path, null, false);
        }
        if (Directory.Exists(path))
            return new ResolvedArtifact(text, PortKind.Directory, DirectoryHasher.Hash(path), path, null, false);
        var known = lockFile.Stages.SelectMany(s => s.Value.Outputs.Keys.Select(o => $"{s.Key}.{o}")).ToList();
        throw new KeyNotFoundException($"no artifact '{text}': not a stage output in pipeline.lock and not a file"
            + (known.Count > 0 ? $" (artifacts: {string.Join(", ", known)})" : " (pipeline.lock is empty: run the pipeline first)"));
    }

    private static ResolvedArtifact FromStore(Workspace workspace, string name, StoredArtifact artifact)
    {
        var store = new ObjectStore(workspace, new HashCache(null));
        var objectPath = store.PathOf(artifact);
        var exists = artifact.Kind == PortKind.Directory ? Directory.Exists(objectPath) : File.Exists(objectPath);
        var working = workspace.Absolute(artifact.WorkingPath);
        return new ResolvedArtifact(name, artifact.Kind, artifact.Hash, exists ? objectPath : working, artifact.WorkingPath, exists);
    }
}
