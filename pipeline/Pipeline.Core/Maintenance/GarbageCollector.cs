using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline gc`: deletes store objects nothing refers to. By default an object is kept while pipeline.lock
/// or any run record (the run-cache) refers to it; with <c>pruneRunCache</c> only the lock counts and run records of
/// other fingerprints are dropped too (no more restoring of old param sets). Also clears tmp/, the quarantine and
/// out/ folders of stages no longer in pipeline.lock, and versioned stage scratch caches of other versions. When pipeline.lock references nothing (missing, or no stages)
/// gc refuses to delete anything unless forced: an emptied lock is far more often an accident than an intent.</summary>
public sealed record GcReport(int ObjectsRemoved, long BytesFreed, int RunRecordsRemoved, IReadOnlyList<string> FoldersRemoved);

public static class GarbageCollector
{
    public static GcReport Collect(Workspace workspace, bool pruneRunCache, bool force = false)
    {
        // A lock that exists but cannot be read throws here: it never counts as "nothing is referenced".
        var lockFile = LockFile.Load(workspace.LockPath);
        var store = new ObjectStore(workspace, new HashCache(null));
        var runs = new RunCache(workspace);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in lockFile.Stages.Values)
        {
            foreach (var a in stage.Outputs.Values)
                keep.Add(store.PathOf(a));
        }
        bool lockReferencesNothing = keep.Count == 0;
        var lockFingerprints = lockFile.Stages.Values.Select(s => s.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var dropRecords = new List<string>();
        foreach (var (path, record) in runs.All().ToList())
        {
            if (record is null || (pruneRunCache && !lockFingerprints.Contains(record.Fingerprint)))
            {
                dropRecords.Add(path);
                continue;
            }
            foreach (var (_, a) in record.Artifacts())
                keep.Add(store.PathOf(a));
        }
        var doomed = store.Enumerate().Where(e => !keep.Contains(e.Path)).ToList();
        if (lockReferencesNothing && !force && (doomed.Count > 0 || dropRecords.Count > 0))
        {
            throw new InvalidOperationException(
                $"{workspace.Relative(workspace.LockPath)} {(File.Exists(workspace.LockPath) ? "references no objects" : "does not exist")}, "
                + $"so gc would delete {doomed.Count} of {store.Enumerate().Count()} store objects and {dropRecords.Count} run records; "
                + "nothing was deleted. If that is what you want (e.g. to empty the store), run `pipeline gc --force`; "
                + "otherwise restore pipeline.lock (e.g. from version control) first");
        }
        int recordsRemoved = 0;
        foreach (var path in dropRecords)
        {
            File.Delete(path);
            recordsRemoved++;
        }
        int removed = 0;
        long bytes = 0;
        foreach (var entry in doomed)
        {
            bytes += ObjectStore.SizeOf(entry.Path);
            AtomicFile.TryDelete(entry.Path);
            removed++;
        }
        // Run records whose objects are gone can no longer restore anything.
        foreach (var (path, record) in runs.All().ToList())
        {
            if (record is not null && record.Artifacts().Any(a => !store.Exists(a.Artifact)))
            {
                File.Delete(path);
                recordsRemoved++;
            }
        }
        var folders = new List<string>();
        foreach (var dir in new[] { workspace.TmpDir, workspace.QuarantineDir })
        {
            if (Directory.Exists(dir))
            {
                bytes += ObjectStore.SizeOf(dir);
                AtomicFile.TryDelete(dir);
                folders.Add(workspace.Relative(dir));
            }
        }
        if (Directory.Exists(workspace.WorkingDir))
        {
            foreach (var dir in Directory.EnumerateDirectories(workspace.WorkingDir))
            {
                if (!lockFile.Stages.ContainsKey(Path.GetFileName(dir)))
                {
                    AtomicFile.TryDelete(dir);
                    folders.Add(workspace.Relative(dir));
                }
            }
        }
        bytes += PruneStaleCacheVersions(workspace, folders);
        return new GcReport(removed, bytes, recordsRemoved, folders);
    }

    /// <summary>A stage scratch cache keyed by an implementation version (e.g. the VASP parse cache) is a folder
    /// under .pipeline/stage-cache/TYPE/ holding a file CURRENT that names its live sub-folder; every other entry of
    /// that folder belongs to another version and can never be served again.</summary>
    private static long PruneStaleCacheVersions(Workspace workspace, List<string> folders)
    {
        long bytes = 0;
        if (!Directory.Exists(workspace.StageCacheRoot))
            return 0;
        var caches = Directory.EnumerateDirectories(workspace.StageCacheRoot)
            .SelectMany(type => Directory.EnumerateDirectories(type).Prepend(type));
        foreach (var cache in caches.ToList())
        {
            var marker = Path.Combine(cache, "CURRENT");
            if (!File.Exists(marker) || File.ReadAllText(marker).Trim() is not { Length: > 0 } current)
                continue;
            foreach (var entry in Directory.EnumerateFileSystemEntries(cache).ToList())
            {
                var name = Path.GetFileName(entry);
                if (name == "CURRENT" || name == current)
                    continue;
                bytes += ObjectStore.SizeOf(entry);
                AtomicFile.TryDelete(entry);
                folders.Add(workspace.Relative(entry));
            }
        }
        return bytes;
    }
}
