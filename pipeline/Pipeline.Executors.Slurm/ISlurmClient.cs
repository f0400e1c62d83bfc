namespace Pipeline.Executors.Slurm;

/// <summary>One sbatch of a fan-out computation's batch script as a job array.</summary>
/// <param name="ArraySpec">Task indices, e.g. "0-5" or "2,4".</param>
/// <param name="OutputPattern">Log file pattern for --output (stdout and stderr together).</param>
public sealed record SlurmSubmission(string ScriptPath, string ArraySpec, string JobName, string OutputPattern,
    string WorkingDirectory, ExecutorSettings Settings);

/// <summary>What the controller says about one array task.</summary>
public sealed record SlurmTaskState(string State, string Reason, string Node)
{
    private static readonly HashSet<string> Active = new(StringComparer.Ordinal)
    {
        "PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
        "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "SPECIAL_EXIT", "RESV_DEL_HOLD", "POWER_UP_NODE",
    };

    private static readonly HashSet<string> Killed = new(StringComparer.Ordinal)
    {
        "TIMEOUT", "OUT_OF_MEMORY", "CANCELLED", "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE",
    };

    /// <summary>Queued or running: it may still write its result.</summary>
    public bool IsActive => Active.Contains(State);

    /// <summary>Ended by Slurm rather than by its own exit (its batch script could not write a status file).</summary>
    public bool WasKilled => Killed.Contains(State);
}

/// <summary>The Slurm commands the executor needs (sbatch, squeue, scancel). Accounting (sacct) is not required.</summary>
public interface ISlurmClient
{
    /// <summary>Submits the array; returns its job id. Throws <see cref="SlurmCommandException"/> with sbatch's message.</summary>
    string SubmitArray(SlurmSubmission submission);

    /// <summary>The controller's tasks of array job <paramref name="jobId"/> by index (finished ones too, while the
    /// controller still remembers them); empty when it has forgotten the job; null when it cannot be asked now.</summary>
    IReadOnlyDictionary<int, SlurmTaskState>? Tasks(string jobId);

    /// <summary>Cancels every task of the array that has not finished.</summary>
    void Cancel(string jobId);
}

public sealed class SlurmCommandException(string message) : IOException(message);
