using System.Collections.Concurrent;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>Shared state of one `run` (or dry run / status): the workspace services, the lock file being updated,
/// and the current output of every stage evaluated so far.</summary>
internal sealed class RunSession
{
    private readonly object _lockGate = new();

    public RunSession(Workspace workspace, ResolvedPipeline pipeline, IRunLog log, RunOptions options, bool persistCaches,
        CancellationToken cancellation)
    {
        Workspace = workspace;
        Pipeline = pipeline;
        Log = log;
        Options = options;
        Cancellation = cancellation;
        Cache = new HashCache(workspace.HashCachePath, persist: persistCaches);
        Store = new ObjectStore(workspace, Cache);
        Runs = new RunCache(workspace);
        Copies = new WorkingCopies(workspace, Store, Cache);
        Lock = LockFile.Load(workspace.LockPath);
        GitCommit = GitInfo.FindCommit(workspace.Root);
    }

    public Workspace Workspace { get; }
    public ResolvedPipeline Pipeline { get; }
    public IRunLog Log { get; }
    public RunOptions Options { get; }
    public CancellationToken Cancellation { get; }
    public HashCache Cache { get; }
    public ObjectStore Store { get; }
    public RunCache Runs { get; }
    public WorkingCopies Copies { get; }
    public LockFile Lock { get; }
    public string? GitCommit { get; }

    /// <summary>"stage.output" -> current artifact; null while unknown (a dry run's stage that would run).</summary>
    public ConcurrentDictionary<string, StoredArtifact?> Outputs { get; } = new(StringComparer.Ordinal);

    public LockedStage? Locked(string stage)
    {
        lock (_lockGate)
            return Lock.Stages.GetValueOrDefault(stage);
    }

    /// <summary>Records a committed stage and rewrites pipeline.lock atomically (entries of stages no longer in
    /// pipeline.yaml are dropped).</summary>
    public void CommitLock(string stage, LockedStage entry)
    {
        lock (_lockGate)
        {
            Lock.Stages[stage] = entry;
            foreach (var gone in Lock.Stages.Keys.Where(k => !Pipeline.Contains(k)).ToList())
                Lock.Stages.Remove(gone);
            Lock.Save(Workspace.LockPath);
        }
    }

    public void Publish(string stage, IEnumerable<(string Output, StoredArtifact? Artifact)> outputs)
    {
        foreach (var (output, artifact) in outputs)
            Outputs[$"{stage}.{output}"] = artifact;
    }
}
