namespace Pipeline.EndToEnd.Tests;

/// <summary>The repository the tests run from: the folder holding Pipeline.sln above the test binaries.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Pipeline.sln) above " + AppContext.BaseDirectory);
    }
}
