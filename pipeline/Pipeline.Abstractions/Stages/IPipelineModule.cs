using System.CommandLine;

namespace Pipeline.Abstractions;

/// <summary>What a stage project contributes to the tool: its stage types and its one-off commands
/// (e.g. <c>pipeline ingest</c>, <c>pipeline fit lasso</c>, <c>pipeline kmc</c>). The CLI lists the modules once.</summary>
public interface IPipelineModule
{
    IEnumerable<IStage> Stages { get; }

    /// <summary>One-off commands. They run stages through <paramref name="host"/> so that a command and a pipeline
    /// stage share one code path and write the same artifacts.</summary>
    IEnumerable<Command> Commands(IStageHost host);
}

/// <summary>Runs a single stage outside a pipeline (implemented by the engine).</summary>
public interface IStageHost
{
    /// <summary>Runs <paramref name="stage"/> with params given as strings (parsed and validated exactly as
    /// pipeline.yaml values are), inputs given as file or directory paths (Table inputs may be .parquet or .csv files),
    /// and writes every output into <paramref name="outputDirectory"/> (tables as &lt;output&gt;.parquet, files under
    /// their FileName, directories under the output name). Returns a process exit code and logs errors itself.</summary>
    int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, string> inputs, string outputDirectory);
}
