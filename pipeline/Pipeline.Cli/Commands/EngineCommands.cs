using System.CommandLine;

namespace Pipeline.Cli.Commands;

/// <summary>The engine's own commands, in the order `pipeline --help` lists them.</summary>
public static class EngineCommands
{
    public static IEnumerable<Command> All(CliContext cli) =>
    [
        RunCommand.Create(cli),
        StatusCommand.Create(cli),
        DagCommand.Create(cli),
        InspectCommands.Show(cli),
        InspectCommands.Lineage(cli),
        ExportCommand.Create(cli),
        ProvenanceCommand.Create(cli),
        MetricsCommands.Create(cli),
        ParamsCommands.Create(cli),
        MaintenanceCommands.Verify(cli),
        MaintenanceCommands.Gc(cli),
        InitCommand.Create(cli),
        StagesCommand.Create(cli),
        WorkerCommand.Create(cli),
    ];
}
