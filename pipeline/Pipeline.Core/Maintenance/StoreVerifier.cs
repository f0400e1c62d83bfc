using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline verify`: re-hashes every store object (no cache), quarantines the corrupt ones (so the next run
/// rebuilds them), checks that every output in pipeline.lock is present, belongs to its stage (run record, else
/// footer name) and that every working copy is current.</summary>
public sealed record VerifyReport(int ObjectsChecked, IReadOnlyList<string> Corrupt, IReadOnlyList<string> MissingFromStore,
    IReadOnlyList<string> StaleWorkingCopies)
{
    public IReadOnlyList<string> LockMismatches { get; init; } = [];

    public bool Ok => Corrupt.Count == 0 && MissingFromStore.Count == 0 && LockMismatches.Count == 0;
}

public static class StoreVerifier
{
    /// <summary>`verify --raw`: see <see cref="RawInputVerifier"/>.</summary>
    public static RawVerifyReport VerifyRaw(Workspace workspace) => RawInputVerifier.Verify(workspace);

    public static VerifyReport Verify(Workspace workspace, Action<string>? progress = null)
    {
        var cache = new HashCache(workspace.HashCachePath);
        var store = new ObjectStore(workspace, cache);
        var corrupt = new List<string>();
        int checkedCount = 0;
        foreach (var entry in store.Enumerate().ToList())
        {
            checkedCount++;
            if (entry.Hash is null)
            {
                corrupt.Add($"{workspace.Relative(entry.Path)}: not a store object name");
                store.Quarantine(entry.Path);
                continue;
            }
            var found = StoredTables.Problem(entry.Kind, entry.Path, entry.Hash);
            if (found is not null)
            {
                corrupt.Add($"{workspace.Relative(entry.Path)}: expected {entry.Hash}, found {found} (quarantined)");
                store.Quarantine(entry.Path);
            }
            else
            {
                progress?.Invoke($"ok {workspace.Relative(entry.Path)}");
            }
        }
        var lockFile = LockFile.Load(workspace.LockPath);
        var missing = new List<string>();
        var stale = new List<string>();
        var copies = new WorkingCopies(workspace, store, cache);
        var runs = new RunCache(workspace);
        var mismatches = new List<string>();
        foreach (var (stage, locked) in lockFile.Stages)
        {
            foreach (var (output, problem) in LockConsistency.Problems(stage, locked, runs, store))
                mismatches.Add($"{stage}.{output} {problem}");
            foreach (var (output, artifact) in locked.Outputs)
            {
                if (!store.Exists(artifact))
                    missing.Add($"{stage}.{output} ({artifact.Hash}) is not in the store");
                if (!copies.IsCurrent(artifact))
                    stale.Add($"{artifact.WorkingPath} is missing or differs from {stage}.{output}");
            }
        }
        cache.Save();
        return new VerifyReport(checkedCount, corrupt, missing, stale) { LockMismatches = mismatches };
    }
}
