using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline verify --raw`. Raw inputs are not re-read on every run: the hash cache keys them by (path, size,
/// mtime), so content changed with its size and mtime kept (cp -p, rsync -t, a restored backup, a clock step) goes
/// unseen. This re-hashes every raw input pipeline.lock names, without the cache, and reports (1) cache entries that
/// were wrong — they are corrected, so the next `status`/`run` sees the change — and (2) raw inputs whose content is
/// no longer what the committed stage consumed.</summary>
public sealed record RawVerifyReport(int FilesHashed, IReadOnlyList<string> CacheMismatches, IReadOnlyList<string> ChangedInputs)
{
    /// <summary>False when the cache was hiding a change (a "silently wrong" state); inputs changed in the ordinary
    /// way (new mtime) are stale stages, which `status` already shows.</summary>
    public bool Ok => CacheMismatches.Count == 0;
}

public static class RawInputVerifier
{
    public static RawVerifyReport Verify(Workspace workspace)
    {
        var lockFile = LockFile.Load(workspace.LockPath);
        var cache = new HashCache(workspace.HashCachePath);
        var cacheMismatches = new List<string>();
        var changed = new List<string>();
        var fresh = new Dictionary<string, string>(StringComparer.Ordinal); // "kind\tpath" -> hash, each file read once

        string HashChecked(string path, string kind, Func<string, string> compute)
        {
            var key = kind + "\t" + path;
            if (fresh.TryGetValue(key, out var known))
                return known;
            var hash = compute(path);
            fresh[key] = hash;
            if (cache.Peek(path, kind) is { } cached && cached != hash)
            {
                cacheMismatches.Add($"{workspace.Relative(path)}: content changed but size and modification time did not "
                                    + $"(cached {HashHex.Short(cached)}, now {HashHex.Short(hash)}); cache entry dropped");
                cache.Forget(path);
            }
            return hash;
        }

        string FileHash(string path) => HashChecked(path, "file", FileHasher.HashFile);

        foreach (var (stageName, stage) in lockFile.Stages)
        {
            foreach (var (port, input) in stage.Inputs)
            {
                if (IsUpstream(lockFile, input.Source))
                    continue;
                var path = workspace.Absolute(input.Source);
                string now;
                try
                {
                    now = Glob.IsGlob(input.Source)
                        ? GlobHash(input.Kind, path, FileHash, p => HashChecked(p, "table", ArtifactHasher.HashTableFile))
                        : input.Kind switch
                        {
                            PortKind.Table => HashChecked(path, "table", ArtifactHasher.HashTableFile),
                            PortKind.File => FileHash(path),
                            _ => Directory.Exists(path)
                                ? DirectoryHasher.Hash(path, FileHash)
                                : throw new DirectoryNotFoundException($"{path} does not exist"),
                        };
                }
                catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or InvalidOperationException or ArgumentException or UnauthorizedAccessException)
                {
                    changed.Add($"{stageName}: input {port} ({input.Source}) cannot be read: {e.Message}");
                    continue;
                }
                if (now != input.Hash)
                    changed.Add($"{stageName}: input {port} ({input.Source}) is {HashHex.Short(now)} now, pipeline.lock has {HashHex.Short(input.Hash)} "
                                + $"(`pipeline run` re-runs {stageName})");
            }
        }
        cache.Save();
        return new RawVerifyReport(fresh.Count, cacheMismatches, changed);
    }

    /// <summary>STAGE.OUTPUT of a stage in the lock (everything else is a raw path, as the validator resolved it).</summary>
    private static bool IsUpstream(LockFile lockFile, string source)
    {
        var dot = source.IndexOf('.');
        return dot > 0 && lockFile.Stages.TryGetValue(source[..dot], out var s) && s.Outputs.ContainsKey(source[(dot + 1)..]);
    }

    private static string GlobHash(PortKind kind, string absolutePattern, Func<string, string> fileHash, Func<string, string> tableHash)
    {
        var files = Glob.Match(absolutePattern.Replace('\\', '/'));
        if (kind == PortKind.Directory)
            return DirectoryHasher.HashManifest(files.Select(f => new ManifestEntry(f.Relative, fileHash(f.FullPath))));
        if (files.Count != 1)
            throw new IOException($"the glob now matches {files.Count} files, expected one");
        return kind == PortKind.Table ? tableHash(files[0].FullPath) : fileHash(files[0].FullPath);
    }
}
