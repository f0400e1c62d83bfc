namespace Pipeline.Executors.Slurm;

/// <summary>Registers the slurm executor with the engine (<c>ExecutorProviders.Register(new SlurmExecutorProvider())</c>):
/// <c>executor: slurm</c> and <c>pipeline run --executor slurm</c> then run work items as Slurm job arrays.</summary>
public sealed class SlurmExecutorProvider : IExecutorProvider
{
    public ExecutorKind Kind => ExecutorKind.Slurm;

    public IItemExecutor Create(ExecutorSettings settings) => new SlurmExecutor(settings, new SlurmCommandClient());

    public string WorkSpecPath(Workspace workspace, string stage, string fingerprint)
        => new SlurmLayout(workspace, stage, fingerprint).WorkPath;

    public void ForgetRun(Workspace workspace, string stage, string fingerprint)
        => SlurmLayout.ForgetRun(workspace, stage, fingerprint);
}
