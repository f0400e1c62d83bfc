namespace Pipeline.Core.Store;

/// <summary>The folder a pipeline lives in and the fixed layout under it:
/// <code>
/// pipeline.yaml            the pipeline (user-written)
/// pipeline.lock            state of the last runs (written by `run`, committed by users)
/// out/STAGE/...            working copies of the current outputs (a view: rebuilt from the store when missing)
/// .pipeline/objects/       content-addressed store: t/ tables (.parquet), f/ files, d/ directories
/// .pipeline/runs/          run-cache: one record per fingerprint (outputs, params, start/end times)
/// .pipeline/cache/         hash cache of raw inputs and objects keyed by (path, size, mtime)
/// .pipeline/stage-cache/   per-stage-type scratch caches (StageContext.CacheDirectory)
/// .pipeline/tmp/           staging of running stages (wiped at the start of every run)
/// .pipeline/quarantine/    corrupt objects moved aside by `verify` or on read
/// .pipeline/workspace.lock the writer lock held by `pipeline run`
/// </code></summary>
public sealed class Workspace
{
    public const string ConfigFileName = "pipeline.yaml";
    public const string LockFileName = "pipeline.lock";
    public const string StateFolderName = ".pipeline";
    public const string WorkingFolderName = "out";

    public Workspace(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }
    public string ConfigPath => Path.Combine(Root, ConfigFileName);
    public string LockPath => Path.Combine(Root, LockFileName);
    public string StateDir => Path.Combine(Root, StateFolderName);
    public string ObjectsDir => Path.Combine(StateDir, "objects");
    public string RunsDir => Path.Combine(StateDir, "runs");
    public string HashCachePath => Path.Combine(StateDir, "cache", "hashes.tsv");
    public string StageCacheRoot => Path.Combine(StateDir, "stage-cache");
    public string TmpDir => Path.Combine(StateDir, "tmp");
    public string QuarantineDir => Path.Combine(StateDir, "quarantine");
    public string WriterLockPath => Path.Combine(StateDir, "workspace.lock");
    public string WorkingDir => Path.Combine(Root, WorkingFolderName);

    public string StageCacheDir(string stageType) => Path.Combine(StageCacheRoot, stageType);

    /// <summary>Workspace-relative path with '/' separators (absolute paths outside the workspace stay absolute).</summary>
    public string Relative(string path)
    {
        var full = Path.GetFullPath(path);
        var rel = Path.GetRelativePath(Root, full);
        if (rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel))
            return full.Replace('\\', '/');
        return rel.Replace('\\', '/');
    }

    public string Absolute(string relativeOrAbsolute)
        => Path.GetFullPath(Path.IsPathRooted(relativeOrAbsolute) ? relativeOrAbsolute : Path.Combine(Root, relativeOrAbsolute));

    /// <summary>The workspace containing <paramref name="start"/>: the nearest folder upwards with a pipeline.yaml,
    /// or <paramref name="start"/> itself when there is none (commands then report the missing file).</summary>
    public static Workspace Find(string start)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(start));
        for (var d = dir; d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, ConfigFileName)))
                return new Workspace(d.FullName);
        }
        return new Workspace(dir.FullName);
    }
}
