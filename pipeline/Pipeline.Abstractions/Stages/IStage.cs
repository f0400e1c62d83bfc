

namespace Pipeline.Abstractions;

/// <summary>What flows along an edge of the DAG.</summary>
public enum PortKind
{
    /// <summary>A table: stored as a Parquet artifact with provenance metadata; hashed by logical content.</summary>
    Table,
    /// <summary>A single file (model JSON, PNG, SVG, HTML); hashed by bytes.</summary>
    File,
    /// <summary>A directory tree (raw VASP dataset, plot folder); hashed as a sorted manifest of (relative path, file hash).</summary>
    Directory,
}

/// <summary>A named input or output of a stage type.</summary>
/// <param name="Name">Port name used in pipeline.yaml (e.g. <c>hops</c>).</param>
/// <param name="Kind">What it carries.</param>
/// <param name="Description">One line for `pipeline stages` and the docs.</param>
/// <param name="Optional">An optional input may be left unconnected; an optional output may not be produced.</param>
/// <param name="FileName">For File outputs: the file name in the stage's output folder (e.g. <c>model.json</c>).</param>
public sealed record PortSpec(string Name, PortKind Kind, string Description, bool Optional = false, string? FileName = null);

/// <summary>A stage type: a pure function from (params, inputs) to outputs. Everything that changes its results
/// must be in <see cref="Version"/>, its params or its inputs, because that is all the fingerprint sees.</summary>
public interface IStage
{
    /// <summary>Stage type name used in pipeline.yaml's <c>uses:</c> (e.g. <c>vasp-neb-ingest</c>).</summary>
    string Type { get; }

    /// <summary>Implementation version: bump it whenever the same inputs and params would give different outputs.</summary>
    int Version { get; }

    string Description { get; }

    IReadOnlyList<ParamSpec> Params { get; }
    IReadOnlyList<PortSpec> Inputs { get; }
    IReadOnlyList<PortSpec> Outputs { get; }

    /// <summary>Computes the outputs. Must write every non-optional output through <paramref name="ctx"/>;
    /// must not write anywhere else (the engine commits outputs atomically after this returns).</summary>
    void Run(StageContext ctx);
}

/// <summary>A logger that prints plain lines (always) and drives progress bars when attached to a terminal.</summary>
public interface IStageLog
{
    void Info(string message);
    void Warn(string message);

    /// <summary>Starts a progress task with a known total; dispose to finish it.</summary>
    IProgressTask Progress(string description, long total);
}

public interface IProgressTask : IDisposable
{
    void Increment(long by = 1);
    /// <summary>Optional status text shown beside the bar (e.g. "1.2e6 events/s").</summary>
    void Status(string text);
}

/// <summary>Everything a stage may touch while it runs: typed params, resolved inputs, output sinks, a scratch
/// cache, logging, cancellation. Implemented by the engine for pipeline runs and by the ad-hoc runner for
/// one-off commands (<c>pipeline ingest PATH --out DIR</c>).</summary>
public abstract class StageContext
{
    /// <summary>Stage instance name from pipeline.yaml (or the command name for one-off runs).</summary>
    public abstract string StageName { get; }

    public abstract ParamValues Params { get; }

    public abstract IStageLog Log { get; }

    public abstract CancellationToken Cancellation { get; }

    /// <summary>Degree of parallelism the stage may use internally (from -j).</summary>
    public abstract int Parallelism { get; }

    /// <summary>A persistent per-stage-type cache folder (survives runs; for incremental work such as
    /// per-calculation parse results keyed by raw-file hashes). Content there must be keyed by content hashes.</summary>
    public abstract string CacheDirectory { get; }

    public abstract bool HasInput(string input);

    /// <summary>Reads a Table input (verifying its content hash).</summary>
    public abstract Table ReadTable(string input);

    /// <summary>Local path of a File or Directory input (read-only).</summary>
    public abstract string InputPath(string input);

    /// <summary>Content hash of any input (hex), e.g. to record the training-data hash in a model.</summary>
    public abstract string InputHash(string input);

    /// <summary>Writes a Table output. The engine adds provenance metadata and the content hash.</summary>
    public abstract void WriteTable(string output, Table table);

    /// <summary>Path to write a File output to (a temp location; committed by rename after Run returns).</summary>
    public abstract string OutputFilePath(string output);

    /// <summary>Path of an empty folder to fill for a Directory output (committed after Run returns).</summary>
    public abstract string OutputDirectoryPath(string output);

    /// <summary>Provenance key-values of the run (tool version, stage, params hash...) that stages may embed
    /// into their own file outputs (model JSON, report).</summary>
    public abstract IReadOnlyDictionary<string, string> Provenance { get; }
}
