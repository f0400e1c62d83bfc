using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Cli.Commands;
using Pipeline.Core.Execution;
using Pipeline.Core.Logging;

namespace Pipeline.Cli;

/// <summary>The `pipeline` command tree: the engine commands plus every stage module's one-off commands.</summary>
public static class CommandTree
{
    public static int Run(string[] args) => Invoke(args, Modules.All, Console.Out, Console.Error);

    /// <summary>Parses and runs <paramref name="args"/> with the given modules and writers (tests use this in-process).
    /// Usage errors exit with <see cref="ExitCodes.InvalidConfig"/>.</summary>
    public static int Invoke(string[] args, IReadOnlyList<IPipelineModule> modules, TextWriter output, TextWriter error)
    {
        var root = Build(modules, output, error);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
                error.WriteLine("error: " + e.Message);
            error.WriteLine("see `pipeline --help`");
            return ExitCodes.InvalidConfig;
        }
        // Ctrl-C and SIGTERM cancel the running command's token (System.CommandLine 2.0.0 leaves this off by default),
        // so `run` can stop cleanly: cancel Slurm arrays, report the interrupted stage, exit 130.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(15) };
        return parse.InvokeAsync(configuration).GetAwaiter().GetResult();
    }

    public static RootCommand Build(IReadOnlyList<IPipelineModule> modules, TextWriter output, TextWriter error)
    {
        foreach (var executor in Modules.Executors)
            Pipeline.Core.Executors.ExecutorProviders.Register(executor);
        var registry = StageRegistry.FromModules(modules);
        var cli = new CliContext(registry, output, error);
        var root = new RootCommand("pipeline: reproducible Li-diffusion workflow from VASP NEB output to kinetic Monte Carlo");
        root.Add(cli.WorkspaceOption);
        foreach (var command in EngineCommands.All(cli))
            root.Add(command);
        var host = new AdHocHost(RunLogs.ForConsole(output));
        foreach (var module in modules)
        {
            foreach (var command in module.Commands(host))
            {
                if (root.Subcommands.Any(c => c.Name == command.Name))
                {
                    error.WriteLine($"warning: {module.GetType().Name} adds a command '{command.Name}' that already exists; ignored");
                    continue;
                }
                root.Add(command);
            }
        }
        return root;
    }
}
