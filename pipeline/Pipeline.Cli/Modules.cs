using Pipeline.Abstractions;
using Pipeline.Core.Executors;

namespace Pipeline.Cli;

/// <summary>The one list of stage projects the tool is made of. Adding a stage project means adding it here.</summary>
public static class Modules
{
    public static IReadOnlyList<IPipelineModule> All { get; } =
    [
        new Pipeline.Synthesis.SynthesisModule(),
        new Pipeline.Vasp.VaspModule(),
        new Pipeline.Featurize.FeaturizeModule(),
        new Pipeline.Fitting.FittingModule(),
        new Pipeline.ClusterExpansion.ClusterExpansionModule(),
        new Pipeline.Kmc.KmcModule(),
        new Pipeline.MdTransport.MdTransportModule(),
        new Pipeline.Report.ReportModule(),
        new Pipeline.Suggest.SuggestModule(),
    ];

    /// <summary>The executors besides the engine's local one (each its own project); registered by
    /// <see cref="CommandTree.Build"/>.</summary>
    public static IReadOnlyList<IExecutorProvider> Executors { get; } =
    [
        new Pipeline.Executors.Slurm.SlurmExecutorProvider(),
    ];
}
