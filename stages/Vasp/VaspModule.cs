using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Vasp.Ingest;

namespace Pipeline.Vasp;

/// <summary>The stage types and one-off commands this project adds to the tool.</summary>
public sealed class VaspModule : IPipelineModule
{
    public IEnumerable<IStage> Stages => [new VaspNebIngestStage(), new AseNebIngestStage()];

    public IEnumerable<Command> Commands(IStageHost host) => [IngestCommand.Create(host)];
}
