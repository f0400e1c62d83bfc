using System.Globalization;

namespace Pipeline.Executors.Slurm;

/// <summary>The files of one fan-out computation on Slurm, under <c>.pipeline/slurm/STAGE/FINGERPRINT/</c>:
/// <code>
/// job.sh            the batch script every array task runs (generated; resubmitted for retries)
/// work.json         what workers need besides the workspace: stage, fingerprint, --set overrides, item ids
/// probe             a token the engine writes and every task checks (the shared-filesystem rule)
/// submissions.tsv   job id and array indices of each sbatch (a rerun waits for tasks still running)
/// logs/JOB_INDEX.out  Slurm's output of each task (kept after the stage commits)
/// status/JOB_INDEX  exit code and node of each task, written by job.sh when the worker ends
/// </code></summary>
public sealed class SlurmLayout
{
    public SlurmLayout(Workspace workspace, string stage, string fingerprint)
    {
        Root = Path.Combine(workspace.StateDir, "slurm", stage, fingerprint);
    }

    public string Root { get; }
    public string ScriptPath => Path.Combine(Root, "job.sh");
    public string WorkPath => Path.Combine(Root, "work.json");
    public string ProbePath => Path.Combine(Root, "probe");
    public string SubmissionsPath => Path.Combine(Root, "submissions.tsv");
    public string LogDir => Path.Combine(Root, "logs");
    public string StatusDir => Path.Combine(Root, "status");

    /// <summary>sbatch's --output pattern (%A: array job id, %a: task index). sbatch expands every '%' of it, so the
    /// '%' of a workspace path are doubled ("%%" is a literal '%').</summary>
    public string LogPattern => Path.Combine(LogDir.Replace("%", "%%", StringComparison.Ordinal), "%A_%a.out");

    /// <summary>Why sbatch cannot write this computation's logs where the engine looks for them, or null: a '\\' in a
    /// filename pattern turns off all of sbatch's replacements, so the logs would be named literally "%A_%a.out".</summary>
    public string? LogPatternProblem
        => LogDir.Contains('\\') ? $"the workspace path {LogDir} contains a backslash, which makes sbatch ignore the %A/%a in --output; "
                                   + "move the workspace to a path without one" : null;

    public string LogPath(string jobId, int index) => Path.Combine(LogDir, $"{jobId}_{index.ToString(CultureInfo.InvariantCulture)}.out");

    public string StatusPath(string jobId, int index) => Path.Combine(StatusDir, $"{jobId}_{index.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The probe token, created on first use and kept for the computation (tasks of an earlier run that
    /// are still queued check the same token).</summary>
    public string ProbeToken()
    {
        Directory.CreateDirectory(Root);
        if (File.Exists(ProbePath))
        {
            var existing = File.ReadAllText(ProbePath).Trim();
            if (existing.Length > 0)
                return existing;
        }
        var token = Guid.NewGuid().ToString("N");
        AtomicFile.WriteAllText(ProbePath, token + "\n");
        return token;
    }

    public void RecordSubmission(string jobId, string arraySpec)
    {
        Directory.CreateDirectory(Root);
        File.AppendAllText(SubmissionsPath, $"{jobId}\t{arraySpec}\t{DateTime.UtcNow:O}\n");
    }

    /// <summary>Job ids of earlier submissions of this computation, oldest first.</summary>
    public IReadOnlyList<string> Submissions()
        => File.Exists(SubmissionsPath)
            ? File.ReadAllLines(SubmissionsPath).Select(l => l.Split('\t')[0]).Where(id => id.Length > 0).Distinct().ToList()
            : [];

    /// <summary>After the stage committed: drop the bookkeeping, keep job.sh and the logs for inspection.</summary>
    public static void ForgetRun(Workspace workspace, string stage, string fingerprint)
    {
        var layout = new SlurmLayout(workspace, stage, fingerprint);
        if (!Directory.Exists(layout.Root))
            return;
        AtomicFile.TryDelete(layout.StatusDir);
        AtomicFile.TryDelete(layout.SubmissionsPath);
        AtomicFile.TryDelete(layout.WorkPath);
        AtomicFile.TryDelete(layout.ProbePath);
    }
}
