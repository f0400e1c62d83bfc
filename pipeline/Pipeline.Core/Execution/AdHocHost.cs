using System.Diagnostics;
using Pipeline.Abstractions;
using Pipeline.Core.Config;
using Pipeline.Core.Hashing;
using Pipeline.Core.Logging;
using Pipeline.Core.Store;

namespace Pipeline.Core.Execution;

/// <summary>Runs one stage outside a pipeline for one-off commands (<c>pipeline ingest PATH --out DIR</c>): params
/// parsed from strings by the same typed rules as pipeline.yaml, Table inputs from .parquet or .csv files, outputs
/// written into the output folder atomically (staged in a hidden folder there, then renamed into place) with the
/// same Parquet provenance metadata as pipeline runs.</summary>
public sealed class AdHocHost : IStageHost
{
    private readonly IRunLog _log;
    private readonly int _parallelism;
    private readonly string _cacheRoot;

    /// <param name="cacheRoot">Root of the per-stage-type caches (default: the user's local application data).</param>
    public AdHocHost(IRunLog log, int parallelism = 0, string? cacheRoot = null)
    {
        _log = log;
        _parallelism = parallelism > 0 ? parallelism : Environment.ProcessorCount;
        // No file system access here: every command builds this host, and a home folder that cannot be written must
        // not stop `pipeline --help` (it used to abort the process). The folder is created when a stage runs.
        _cacheRoot = cacheRoot ?? DefaultCacheRoot();
    }

    public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> inputs, string outputDirectory)
    {
        var errors = new List<string>();
        var values = ParseParams(stage, parameters, errors);
        var handles = ResolveInputs(stage, inputs, errors);
        if (errors.Count > 0)
        {
            foreach (var e in errors)
                _log.Error(e);
            return ExitCodes.InvalidConfig;
        }

        Directory.CreateDirectory(outputDirectory);
        var staging = Path.Combine(outputDirectory, ".pipeline-staging-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(staging);
        var watch = Stopwatch.StartNew();
        var name = stage.Type;
        try
        {
            var json = ParamText.CanonicalJson(values);
            var provenance = ProvenanceKeys.ForRun(name, stage, FileHasher.HashText(json), json, null,
                handles.ToDictionary(kv => kv.Key, kv => kv.Value.Hash, StringComparer.Ordinal),
                GitInfo.FindCommit(Directory.GetCurrentDirectory()), DateTime.UtcNow);
            provenance["mode"] = "one-off";
            var outputs = new OutputStaging(staging, stage, (port, table, hash) => ProvenanceKeys.TableMetadata(provenance, port, table, hash));
            var cacheDir = CreateCacheDir(stage.Type);
            var context = new EngineStageContext(name, stage, new ParamValues(values), handles, outputs, _log.ForStage(name),
                CancellationToken.None, _parallelism, cacheDir, provenance);
            _log.Line($"{name}: running");
            _log.Live(() =>
            {
                using (_log.Activity(name))
                    stage.Run(context);
                return 0;
            });
            foreach (var staged in outputs.Collect(stage.Outputs, name))
            {
                var target = Path.Combine(outputDirectory, Path.GetFileName(staged.StagedPath));
                if (staged.Port.Kind == PortKind.Directory)
                    AtomicFile.ReplaceDirectory(staged.StagedPath, target);
                else
                    File.Move(staged.StagedPath, target, overwrite: true);
                _log.Line($"{name}: wrote {target} ({HashHex.Short(staged.Hash)})");
            }
            _log.Line($"{name}: done in {StageCommitter.Seconds(watch.Elapsed)}");
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            _log.Error($"{name}: FAILED after {StageCommitter.Seconds(watch.Elapsed)}: {e.Message}");
            return ExitCodes.StageFailed;
        }
        finally
        {
            AtomicFile.TryDelete(staging);
        }
    }

    private static string DefaultCacheRoot()
    {
        var given = Environment.GetEnvironmentVariable(Maintenance.EnvironmentFaults.CacheDirVariable);
        if (!string.IsNullOrEmpty(given))
            return Path.GetFullPath(given);
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(data) ? TempCacheRoot() : Path.Combine(data, "pipeline", "stage-cache");
    }

    private static string TempCacheRoot() => Path.Combine(Path.GetTempPath(), $"pipeline-stage-cache-{Environment.UserName}");

    /// <summary>The stage type's cache folder; when it cannot be created (home folder not writable), a folder under
    /// the temporary directory, with a warning that says why and how to choose one.</summary>
    private string CreateCacheDir(string stageType)
    {
        var dir = Path.Combine(_cacheRoot, stageType);
        try
        {
            Directory.CreateDirectory(dir);
            return dir;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var fallback = Path.Combine(TempCacheRoot(), stageType);
            _log.Warn($"cannot create the stage cache {dir} ({e.Message.TrimEnd('.')}); using {fallback} for this run "
                      + $"(set {Maintenance.EnvironmentFaults.CacheDirVariable} to a writable folder to keep the cache)");
            Directory.CreateDirectory(fallback);
            return fallback;
        }
    }

    private static Dictionary<string, object> ParseParams(IStage stage, IReadOnlyDictionary<string, string> given, List<string> errors)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, text) in given)
        {
            var spec = stage.Params.FirstOrDefault(p => p.Name == key);
            if (spec is null)
            {
                errors.Add($"{stage.Type}: unknown param '{key}' (params: {string.Join(", ", stage.Params.Select(p => p.Name))})");
                continue;
            }
            var r = ParamParser.ParseText(spec, text);
            if (r.Error is not null)
                errors.Add($"{stage.Type}: param '{key}' {r.Error}");
            else
                values[key] = r.Value!;
        }
        foreach (var spec in stage.Params.Where(p => !values.ContainsKey(p.Name)))
        {
            var d = ParamParser.Default(spec);
            if (d is not null)
                values[spec.Name] = d;
            else if (!given.ContainsKey(spec.Name))
                errors.Add($"{stage.Type}: missing required param '{spec.Name}' ({ParamParser.Describe(spec)})");
        }
        return values;
    }

    private static Dictionary<string, InputHandle> ResolveInputs(IStage stage, IReadOnlyDictionary<string, string> given, List<string> errors)
    {
        var handles = new Dictionary<string, InputHandle>(StringComparer.Ordinal);
        foreach (var (port, path) in given)
        {
            var spec = stage.Inputs.FirstOrDefault(p => p.Name == port);
            if (spec is null)
            {
                errors.Add($"{stage.Type}: unknown input '{port}' (inputs: {string.Join(", ", stage.Inputs.Select(p => p.Name))})");
                continue;
            }
            var full = Path.GetFullPath(path);
            bool ok = spec.Kind == PortKind.Directory ? Directory.Exists(full) : File.Exists(full);
            if (!ok)
            {
                errors.Add($"{stage.Type}: input '{port}': {(spec.Kind == PortKind.Directory ? "folder" : "file")} {path} does not exist");
                continue;
            }
            try
            {
                handles[port] = new RawInput(spec.Kind, full, ArtifactHasher.Hash(spec.Kind, full, null), path);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
            {
                errors.Add($"{stage.Type}: input '{port}': {e.Message}");
            }
        }
        foreach (var spec in stage.Inputs.Where(p => !p.Optional && !handles.ContainsKey(p.Name) && !given.ContainsKey(p.Name)))
            errors.Add($"{stage.Type}: missing input '{spec.Name}' ({PipelineValidator.KindText(spec.Kind)})");
        return handles;
    }
}
