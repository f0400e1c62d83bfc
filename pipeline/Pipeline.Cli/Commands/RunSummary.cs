using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

/// <summary>The last lines of `pipeline run`: where the report and the readable outputs are.</summary>
public static class RunSummary
{
    public static void Write(Workspace workspace, TextWriter output)
    {
        if (!File.Exists(workspace.LockPath))
            return;
        var lockFile = LockFile.Load(workspace.LockPath);
        foreach (var (_, stage) in lockFile.Stages)
        {
            foreach (var (_, artifact) in stage.Outputs)
            {
                if (artifact.WorkingPath is { } path && path.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
                    && File.Exists(workspace.Absolute(path)))
                    output.WriteLine($"report:  {workspace.Absolute(path)}");
            }
        }
        if (Directory.Exists(workspace.WorkingDir))
            output.WriteLine($"outputs: {workspace.WorkingDir}{Path.DirectorySeparatorChar} (one folder per stage; `pipeline show STAGE.OUTPUT` describes one, `pipeline metrics show` lists the metrics)");
    }
}
