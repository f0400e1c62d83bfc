namespace Pipeline.Cli.Commands;

/// <summary>The command to type next, spelled the way this tool can be started there: `pipeline` when it is on
/// PATH (a global or --tool-path install), `dotnet pipeline` when it ran as a local tool and the new workspace lies
/// under a tool manifest that lists it, otherwise both forms with what each needs.</summary>
public static class NextStep
{
    public const string PackageId = "LiDiffusion.Pipeline";

    public static IReadOnlyList<string> For(string directory, string command, string? processPath = null, string? pathVariable = null)
    {
        processPath ??= Environment.ProcessPath ?? "";
        pathVariable ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        var cd = $"cd {ShellQuote(directory)} && ";
        var exe = Path.GetFileNameWithoutExtension(processPath);
        if (exe.Equals("pipeline", StringComparison.OrdinalIgnoreCase))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(processPath)) ?? "";
            return OnPath(folder, pathVariable)
                ? [$"next: {cd}pipeline {command}"]
                : [$"next: {cd}{ShellQuote(Path.GetFullPath(processPath))} {command}"];
        }
        if (exe.Equals("dotnet", StringComparison.OrdinalIgnoreCase) && ManifestListsTool(Path.GetFullPath(directory)))
            return [$"next: {cd}dotnet pipeline {command}"];
        return
        [
            $"next: {cd}pipeline {command}",
            $"  (with the tool installed globally: dotnet tool install --global {PackageId} --add-source FEED;",
            $"   or as a local tool: {cd}dotnet new tool-manifest && dotnet tool install --local {PackageId} --add-source FEED && dotnet pipeline {command})",
        ];
    }

    private static bool OnPath(string folder, string pathVariable)
        => pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(p => string.Equals(Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal));

    /// <summary>Whether `dotnet pipeline` works in <paramref name="directory"/>: a dotnet-tools.json at or above it
    /// (the folder itself or its .config/) lists the package. dotnet stops at the first manifest marked isRoot, but
    /// a listing in any of them is what matters for the usual single manifest.</summary>
    private static bool ManifestListsTool(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(d.FullName, ".config", "dotnet-tools.json"), Path.Combine(d.FullName, "dotnet-tools.json") })
            {
                if (File.Exists(candidate))
                    return File.ReadAllText(candidate).Contains($"\"{PackageId.ToLowerInvariant()}\"", StringComparison.OrdinalIgnoreCase);
            }
        }
        return false;
    }

    private static string ShellQuote(string text)
        => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '=' or '@') && text.Length > 0
            ? text
            : "'" + text.Replace("'", "'\\''") + "'";
}
