namespace Pipeline.Core.Execution;

/// <summary>The git commit checked out around a folder, read from .git files directly (no process start: this is
/// on the path of every run).</summary>
public static class GitInfo
{
    public static string? FindCommit(string folder)
    {
        try
        {
            for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                    return ReadHead(dotGit);
                if (File.Exists(dotGit))
                {
                    // A worktree or submodule: ".git" is a file "gitdir: PATH".
                    var line = File.ReadAllText(dotGit).Trim();
                    if (line.StartsWith("gitdir:", StringComparison.Ordinal))
                    {
                        var gitDir = Path.GetFullPath(Path.Combine(dir.FullName, line[7..].Trim()));
                        return ReadHead(gitDir);
                    }
                    return null;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    private static string? ReadHead(string gitDir)
    {
        var headPath = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headPath))
            return null;
        var head = File.ReadAllText(headPath).Trim();
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
            return IsSha(head) ? head : null;
        var reference = head[4..].Trim();
        // Worktrees keep refs in the common dir.
        var commonFile = Path.Combine(gitDir, "commondir");
        var common = File.Exists(commonFile) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim())) : gitDir;
        foreach (var root in new[] { gitDir, common })
        {
            var refPath = Path.Combine(root, reference);
            if (File.Exists(refPath))
            {
                var sha = File.ReadAllText(refPath).Trim();
                return IsSha(sha) ? sha : null;
            }
        }
        var packed = Path.Combine(common, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                var parts = line.Split(' ');
                if (parts.Length == 2 && parts[1] == reference && IsSha(parts[0]))
                    return parts[0];
            }
        }
        return null;
    }

    private static bool IsSha(string s) => s.Length is 40 or 64 && s.All(char.IsAsciiHexDigit);
}
