using System.Diagnostics;

namespace Pipeline.Executors.Tests.Support;

/// <summary>Runs the command tree in a fresh process (the test assembly as host, like a Slurm task does): for
/// comparisons that must not share process state, such as two separate `pipeline run` invocations.</summary>
public static class ChildCli
{
    public static ExecutorWorkspace.Result Run(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{string.Join(' ', args)}` did not finish:\n{stdout.Result}\n{stderr.Result}");
        }
        process.WaitForExit();
        // Output: both streams (problems go to stderr), as the tests read the whole log.
        return new ExecutorWorkspace.Result(process.ExitCode, stdout.Result + stderr.Result, stderr.Result);
    }

    /// <summary>Starts the command tree in a child process with its output redirected (the caller reads or kills it).</summary>
    public static Process Start(params string[] args)
    {
        var command = TestWorker.Command();
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in command.Skip(1).Concat(args))
            start.ArgumentList.Add(word);
        start.Environment["PIPELINE_PLAIN"] = "1";
        return Process.Start(start) ?? throw new InvalidOperationException("cannot start the test host");
    }
}
