using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>An executor that lives in its own project (the slurm executor in Pipeline.Executors.Slurm) and is
/// registered by the tool with <see cref="ExecutorProviders.Register"/>. The local executor is the engine's own.</summary>
public interface IExecutorProvider
{
    ExecutorKind Kind { get; }

    IItemExecutor Create(ExecutorSettings settings);

    /// <summary>Where this executor's workers find the <see cref="WorkSpec"/> of a computation (what `pipeline worker`
    /// reads besides the workspace).</summary>
    string WorkSpecPath(Workspace workspace, string stage, string fingerprint);

    /// <summary>After the stage committed: drops the executor's bookkeeping of the computation (called for every
    /// registered executor, since an earlier, interrupted run may have used another one).</summary>
    void ForgetRun(Workspace workspace, string stage, string fingerprint);
}

/// <summary>The registered executors besides local, by kind. Registration is process-wide and idempotent: the tool
/// registers its executors once when it builds its command tree.</summary>
public static class ExecutorProviders
{
    private static readonly Lock Gate = new();
    private static IReadOnlyList<IExecutorProvider> s_all = [];

    public static IReadOnlyList<IExecutorProvider> All => s_all;

    public static void Register(IExecutorProvider provider)
    {
        lock (Gate)
        {
            if (s_all.Any(p => p.Kind == provider.Kind))
                return;
            s_all = [.. s_all, provider];
        }
    }

    public static IExecutorProvider? For(ExecutorKind kind) => s_all.FirstOrDefault(p => p.Kind == kind);
}
