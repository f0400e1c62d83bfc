using System.Diagnostics;

namespace Pipeline.EndToEnd.Tests;

/// <summary>A git repository of a test workspace, with a commit of the current pipeline.yaml and pipeline.lock.</summary>
public static class GitRepo
{
    public static void CommitWorkspace(string dir, string message = "baseline")
    {
        if (!Directory.Exists(Path.Combine(dir, ".git")))
            Git(dir, "init", "-q");
        Git(dir, "add", "pipeline.yaml", "pipeline.lock");
        Git(dir, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message);
    }

    public static void Git(string dir, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr.Result}");
    }
}
