using Pipeline.Abstractions;
using Pipeline.Core.Config;

namespace Pipeline.Core.Execution;

/// <summary>The <see cref="StageContext"/> the engine gives a stage, in pipeline runs and one-off commands alike.</summary>
public sealed class EngineStageContext : StageContext
{
    private readonly IReadOnlyDictionary<string, InputHandle> _inputs;
    private readonly OutputStaging _outputs;
    private readonly IStage _type;

    public EngineStageContext(string stageName, IStage type, ParamValues parameters,
        IReadOnlyDictionary<string, InputHandle> inputs, OutputStaging outputs, IStageLog log,
        CancellationToken cancellation, int parallelism, string cacheDirectory, IReadOnlyDictionary<string, string> provenance)
    {
        StageName = stageName;
        _type = type;
        Params = parameters;
        _inputs = inputs;
        _outputs = outputs;
        Log = log;
        Cancellation = cancellation;
        Parallelism = Math.Max(1, parallelism);
        CacheDirectory = cacheDirectory;
        Provenance = provenance;
    }

    public override string StageName { get; }
    public override ParamValues Params { get; }
    public override IStageLog Log { get; }
    public override CancellationToken Cancellation { get; }
    public override int Parallelism { get; }
    public override string CacheDirectory { get; }
    public override IReadOnlyDictionary<string, string> Provenance { get; }

    public override bool HasInput(string input) => _inputs.ContainsKey(input);

    public override Table ReadTable(string input) => Input(input, PortKind.Table).ReadTable();

    public override string InputPath(string input)
    {
        var handle = Input(input, null);
        if (handle.Kind == PortKind.Table)
            throw new InvalidOperationException($"input '{input}' is a table: use ReadTable");
        return handle.LocalPath();
    }

    public override string InputHash(string input) => Input(input, null).Hash;

    public override void WriteTable(string output, Table table) => _outputs.WriteTable(output, table);

    public override string OutputFilePath(string output) => _outputs.OutputFilePath(output);

    public override string OutputDirectoryPath(string output) => _outputs.OutputDirectoryPath(output);

    private InputHandle Input(string input, PortKind? kind)
    {
        if (!_inputs.TryGetValue(input, out var handle))
        {
            var port = _type.Inputs.FirstOrDefault(p => p.Name == input);
            throw new KeyNotFoundException(port is null
                ? $"stage type '{_type.Type}' has no input '{input}'"
                : $"input '{input}' of stage '{StageName}' is not connected (check HasInput for optional inputs)");
        }
        if (kind is { } k && handle.Kind != k)
            throw new InvalidOperationException($"input '{input}' is a {PipelineValidator.KindText(handle.Kind)}, not a {PipelineValidator.KindText(k)}");
        return handle;
    }
}
