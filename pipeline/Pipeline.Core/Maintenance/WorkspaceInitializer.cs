using Pipeline.Core.Config;
using Pipeline.Core.Execution;
using Pipeline.Core.Store;

namespace Pipeline.Core.Maintenance;

/// <summary>`pipeline init DIR --data PATH`: writes DIR/pipeline.yaml from a template (the tool ships one; the stage
/// list is the science's, not the engine's) with the data folder filled in, so that the workspace runs with the
/// installed tool from anywhere. The data folder is referred to by a path relative to the workspace when it lies
/// inside it, and by its absolute path otherwise (the engine refuses `..` paths; no symbolic link is made, so nothing
/// machine-specific ends up committed beside pipeline.yaml).</summary>
public static class WorkspaceInitializer
{
    /// <summary>Where the data path goes in the template (a whole YAML value; it is written quoted if it needs to be).</summary>
    public const string DataPlaceholder = "{{data}}";

    public sealed record InitResult(string Root, string ConfigPath, string DataSource, IReadOnlyList<string> Notes);

    public static InitResult Create(string directory, string dataPath, string template, StageRegistry registry, bool force)
    {
        if (!template.Contains(DataPlaceholder, StringComparison.Ordinal))
            throw new InvalidDataException($"the init template has no {DataPlaceholder} placeholder for the data folder");
        var root = Path.GetFullPath(directory);
        var data = Path.GetFullPath(dataPath);
        if (!Directory.Exists(data))
            throw new DirectoryNotFoundException($"--data {dataPath}: no such folder (give the folder holding your VASP NEB calculations)");
        var source = DataSource(root, data);
        if (source is null)
            throw new UsageException($"--data {dataPath} is the workspace folder itself: keep the calculations in a folder of their own (e.g. {directory}/vasp)");
        Directory.CreateDirectory(root);
        var workspace = new Workspace(root);
        if (File.Exists(workspace.ConfigPath) && !force)
            throw new UsageException($"{workspace.ConfigPath} already exists (use --force to overwrite)");
        AtomicFile.WriteAllText(workspace.ConfigPath, template.Replace(DataPlaceholder, Quote(source), StringComparison.Ordinal));
        var gitignore = Path.Combine(root, ".gitignore");
        if (!File.Exists(gitignore))
            File.WriteAllText(gitignore, $"{Workspace.StateFolderName}/\n{Workspace.WorkingFolderName}/\n");
        return new InitResult(root, workspace.ConfigPath, source, Check(workspace, registry));
    }

    /// <summary>The data folder as pipeline.yaml refers to it, or null if it is the workspace folder itself.</summary>
    public static string? DataSource(string root, string data)
    {
        var rel = Path.GetRelativePath(root, data);
        if (rel == ".")
            return null;
        bool inside = !Path.IsPathRooted(rel) && rel != ".." && !rel.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return (inside ? rel : data).Replace('\\', '/');
    }

    /// <summary>Validates the written pipeline.yaml against this build's stage types; problems become notes (the
    /// workspace is still written, so it can be fixed by hand).</summary>
    private static List<string> Check(Workspace workspace, StageRegistry registry)
    {
        try
        {
            PipelineValidator.Load(workspace.ConfigPath, registry, workspace.Root, ParamOverride.ParseAll([]));
            return [];
        }
        catch (ConfigException e)
        {
            return e.Errors.Select(err => err.ToString()).ToList();
        }
    }

    private static string Quote(string text)
        => text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') && !text.StartsWith('-')
            ? text
            : "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
