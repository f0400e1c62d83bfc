using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Pipeline.Executors.Slurm;

/// <summary><see cref="ISlurmClient"/> over the sbatch, squeue and scancel commands on PATH.</summary>
public sealed class SlurmCommandClient : ISlurmClient
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(120);

    public string SubmitArray(SlurmSubmission s)
    {
        var args = new List<string>
        {
            "--parsable",
            "--array=" + s.ArraySpec,
            "--job-name=" + s.JobName,
            "--output=" + s.OutputPattern,
            "--chdir=" + s.WorkingDirectory,
        };
        var o = s.Settings;
        if (o.Partition is { } partition)
            args.Add("--partition=" + partition);
        if (o.Account is { } account)
            args.Add("--account=" + account);
        if (o.Time is { } time)
            args.Add("--time=" + time);
        if (o.CpusPerTask is { } cpus)
            args.Add("--cpus-per-task=" + cpus.ToString(CultureInfo.InvariantCulture));
        if (o.Memory is { } memory)
            args.Add("--mem=" + memory);
        args.AddRange(o.SbatchArgs);
        args.Add(s.ScriptPath);
        var (code, stdout, stderr) = Execute("sbatch", args);
        var id = stdout.Trim().Split(';')[0].Trim();
        if (code != 0 || id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new SlurmCommandException($"sbatch failed (exit code {code}): {FirstLine(stderr, stdout)}\n  command: sbatch {string.Join(' ', args)}");
        return id;
    }

    public IReadOnlyDictionary<int, SlurmTaskState>? Tasks(string jobId)
    {
        int code;
        string stdout, stderr;
        try
        {
            (code, stdout, stderr) = Execute("squeue", ["--noheader", "--array", "--states=all", "--jobs=" + jobId, "--format=%i|%T|%r|%N"]);
        }
        catch (SlurmCommandException)
        {
            return null;
        }
        if (code != 0)
            return stderr.Contains("Invalid job id", StringComparison.OrdinalIgnoreCase) ? new Dictionary<int, SlurmTaskState>() : null;
        var tasks = new Dictionary<int, SlurmTaskState>();
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('|');
            if (fields.Length < 4)
                continue;
            var id = fields[0];
            int underscore = id.IndexOf('_');
            if (underscore < 0 || id[..underscore] != jobId)
                continue;
            var indices = ArrayIndices.Parse(id[(underscore + 1)..]);
            if (indices is null)
                return null;
            foreach (var index in indices)
                tasks[index] = new SlurmTaskState(fields[1], fields[2], fields[3]);
        }
        return tasks;
    }

    public void Cancel(string jobId)
    {
        var (code, stdout, stderr) = Execute("scancel", [jobId]);
        if (code != 0)
            throw new SlurmCommandException($"scancel {jobId} failed (exit code {code}): {FirstLine(stderr, stdout)}");
    }

    private static (int Code, string Stdout, string Stderr) Execute(string command, IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new SlurmCommandException($"cannot start {command}");
        }
        catch (Win32Exception e)
        {
            throw new SlurmCommandException(
                $"cannot run {command} ({e.Message}): the slurm executor needs the Slurm commands sbatch, squeue and scancel on PATH "
                + "(run `pipeline run` on a login node of the cluster, or use --executor local)");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(CommandTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new SlurmCommandException($"{command} did not answer within {CommandTimeout.TotalSeconds:0} s");
            }
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static string FirstLine(params string[] texts)
        => texts.SelectMany(t => t.Split('\n')).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no message)";
}
