using System.Diagnostics;
using Pipeline.Core.Execution;

namespace Pipeline.Core.Maintenance;

/// <summary>Reads a workspace file as it was at a git revision. The revision comes from the command line, so it is
/// never handed to git where it could be read as an option (`--output=FILE` once made `git show` write a file): one
/// that starts with '-' is refused, and it is resolved to a commit with
/// <c>git rev-parse --verify --end-of-options REV^{commit}</c> before <c>git show --end-of-options COMMIT:./FILE</c>.</summary>
public static class GitRevision
{
    public static string ReadFile(string workspaceRoot, string revision, string relativePath)
    {
        var commit = Resolve(workspaceRoot, revision);
        var (code, stdout, stderr) = Git(workspaceRoot, "show", "--end-of-options", $"{commit}:./{relativePath}");
        if (code != 0)
            throw new InvalidOperationException($"{relativePath} is not in revision {revision} ({Short(commit)}): {FirstLine(stderr)}");
        return stdout;
    }

    /// <summary>The full commit id <paramref name="revision"/> names; <see cref="UsageException"/> if it is not one.</summary>
    public static string Resolve(string workspaceRoot, string revision)
    {
        if (string.IsNullOrWhiteSpace(revision) || revision.StartsWith('-'))
            throw new UsageException($"'{revision}' is not a git revision (a revision cannot start with '-')");
        var (code, stdout, stderr) = Git(workspaceRoot, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (code != 0)
        {
            var why = FirstLine(stderr);
            throw new UsageException($"'{revision}' is not a commit of the git repository at {workspaceRoot}"
                                     + (why.Length > 0 ? $" ({why})" : "") + "; give a commit, branch or tag (default HEAD)");
        }
        return stdout.Trim();
    }

    private static (int Code, string Stdout, string Stderr) Git(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot run git ({e.Message}); diffs against a revision need git on PATH");
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result, stderr);
        }
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;
}
