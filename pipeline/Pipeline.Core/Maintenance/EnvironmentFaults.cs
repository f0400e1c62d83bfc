using System.Text.RegularExpressions;

namespace Pipeline.Core.Maintenance;

/// <summary>Turns faults of the machine rather than of the pipeline (a folder the user may not write, a read-only or
/// full file system) into one line with the cause and what to do about it, instead of a .NET message or stack trace.</summary>
public static partial class EnvironmentFaults
{
    /// <summary>Variable that moves the one-off commands' stage cache out of the home folder.</summary>
    public const string CacheDirVariable = "PIPELINE_CACHE_DIR";

    /// <summary>The cause and remedy of <paramref name="e"/> if it is an environment fault; otherwise null.</summary>
    public static string? Explain(Exception e, string? workspaceRoot = null)
    {
        var path = PathIn(e.Message);
        var where = path is null ? "a file" : path;
        if (e is UnauthorizedAccessException || e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase))
            return $"permission denied on {where}: {Remedy(path, workspaceRoot, "make it writable for you")}";
        if (e is IOException && e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
            return $"{where} is on a read-only file system: {Remedy(path, workspaceRoot, "remount it writable")}";
        if (e is IOException && e.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase))
            return $"the disk holding {where} is full: free some space (`pipeline gc` deletes store objects nothing refers to)";
        return null;
    }

    private static string Remedy(string? path, string? workspaceRoot, string fix)
    {
        if (path is not null && workspaceRoot is not null && IsUnder(path, workspaceRoot))
            return $"the workspace {workspaceRoot} must be writable to run stages; {fix} (e.g. `chmod -R u+w {workspaceRoot}`) or copy the workspace to a folder you own";
        var home = Environment.GetEnvironmentVariable("HOME");
        if (path is not null && !string.IsNullOrEmpty(home) && IsUnder(path, home))
            return $"your home folder {home} is not writable here; set {CacheDirVariable} to a writable folder or make {home} writable";
        var folder = path is null ? "the folder" : Path.GetDirectoryName(path) ?? path;
        return $"{fix} ({folder}) or choose a folder you own";
    }

    private static bool IsUnder(string path, string root)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return (Path.GetFullPath(path) + Path.DirectorySeparatorChar).StartsWith(full, StringComparison.Ordinal);
    }

    /// <summary>The quoted path in a .NET IO message ("Access to the path '/x/y' is denied.").</summary>
    private static string? PathIn(string message)
    {
        var m = QuotedPath().Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("'([^']*[/\\\\][^']*)'")]
    private static partial Regex QuotedPath();
}
