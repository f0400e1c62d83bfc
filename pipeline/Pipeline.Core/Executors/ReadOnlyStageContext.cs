using Pipeline.Abstractions;

namespace Pipeline.Core.Executors;

/// <summary>The context of <see cref="IFanOutStage.Plan"/> and <see cref="IFanOutStage.RunItem"/>: params, inputs,
/// cache and log of the stage, but no outputs (those are written by Assemble only, in the engine's process).</summary>
internal sealed class ReadOnlyStageContext(StageContext inner, int parallelism, string phase) : StageContext
{
    public override string StageName => inner.StageName;
    public override ParamValues Params => inner.Params;
    public override IStageLog Log => inner.Log;
    public override CancellationToken Cancellation => inner.Cancellation;
    public override int Parallelism { get; } = Math.Max(1, parallelism);
    public override string CacheDirectory => inner.CacheDirectory;
    public override IReadOnlyDictionary<string, string> Provenance => inner.Provenance;

    public override bool HasInput(string input) => inner.HasInput(input);
    public override Table ReadTable(string input) => inner.ReadTable(input);
    public override string InputPath(string input) => inner.InputPath(input);
    public override string InputHash(string input) => inner.InputHash(input);

    public override void WriteTable(string output, Table table) => throw NoOutputs(output);
    public override string OutputFilePath(string output) => throw NoOutputs(output);
    public override string OutputDirectoryPath(string output) => throw NoOutputs(output);

    private InvalidOperationException NoOutputs(string output) => new(
        $"stage '{inner.StageName}': {phase} tried to write output '{output}'; a fan-out stage writes its outputs in Assemble only "
        + "(RunItem writes into its item folder)");
}
