using System.Diagnostics;

namespace Pipeline.Core.Maintenance;

/// <summary>Reads a workspace file as it was at a git revision (<c>git show REV:./FILE</c>).</summary>
public static class GitRevision
{
    public static string ReadFile(string workspaceRoot, string revision, string relativePath)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workspaceRoot,
        };
        start.ArgumentList.Add("show");
        start.ArgumentList.Add($"{revision}:./{relativePath}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start git");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"git show {revision}:./{relativePath} failed: {stderr.Trim()}");
        return stdout.Result;
    }
}
