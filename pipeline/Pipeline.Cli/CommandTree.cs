using System.CommandLine;
using Pipeline.Abstractions;
using Pipeline.Cli.Commands;
using Pipeline.Cli.Usage;
using Pipeline.Core.Execution;

namespace Pipeline.Cli;

/// <summary>The `pipeline` command tree: the engine commands plus every stage module's one-off commands.</summary>
public static class CommandTree
{
    public static int Run(string[] args) => Invoke(args, Modules.All, Console.Out, Console.Error);

    /// <summary>Parses and runs <paramref name="args"/> with the given modules and writers (tests use this in-process).
    /// Usage errors exit with <see cref="ExitCodes.InvalidConfig"/>; `pipeline` alone (or a command group such as
    /// `pipeline metrics` alone) prints its help and exits 0.</summary>
    public static int Invoke(string[] args, IReadOnlyList<IPipelineModule> modules, TextWriter output, TextWriter error)
    {
        var (root, cli) = BuildWithContext(modules, output, error);
        var parse = root.Parse(args);
        cli.Settings.Quiet = parse.GetValue(cli.QuietOption);
        cli.Settings.Verbose = parse.GetValue(cli.VerboseOption);
        // Ctrl-C and SIGTERM cancel the running command's token (System.CommandLine 2.0.0 leaves this off by default),
        // so `run` can stop cleanly: cancel Slurm arrays, report the interrupted stage, exit 130. Exceptions are ours
        // to report (one line, stack trace only with --verbose), not System.CommandLine's.
        var configuration = new InvocationConfiguration
        {
            Output = output, Error = error, ProcessTerminationTimeout = TimeSpan.FromSeconds(15), EnableDefaultExceptionHandler = false,
        };
        if (CommandLineErrors.OnlyMissingSubcommand(parse))
        {
            var help = root.Parse([.. CommandLineErrors.CommandNames(parse.CommandResult).Skip(1), "--help"]);
            return help.Invoke(configuration);
        }
        var problems = CommandLineErrors.Describe(parse);
        if (problems.Count > 0)
        {
            foreach (var p in problems)
                error.WriteLine("error: " + p);
            error.WriteLine("see `pipeline --help`");
            return ExitCodes.InvalidConfig;
        }
        int code = cli.Guard(() => parse.InvokeAsync(configuration).GetAwaiter().GetResult());
        if (cli.Settings.DetailsHidden)
            error.WriteLine("(run again with --verbose for the stack trace)");
        return code;
    }

    public static RootCommand Build(IReadOnlyList<IPipelineModule> modules, TextWriter output, TextWriter error)
        => BuildWithContext(modules, output, error).Root;

    private static (RootCommand Root, CliContext Cli) BuildWithContext(IReadOnlyList<IPipelineModule> modules, TextWriter output, TextWriter error)
    {
        foreach (var executor in Modules.Executors)
            Pipeline.Core.Executors.ExecutorProviders.Register(executor);
        var registry = StageRegistry.FromModules(modules);
        var cli = new CliContext(registry, output, error);
        var root = new RootCommand("pipeline: reproducible Li-diffusion workflow from VASP NEB output to kinetic Monte Carlo");
        root.Add(cli.WorkspaceOption);
        root.Add(cli.QuietOption);
        root.Add(cli.VerboseOption);
        foreach (var command in EngineCommands.All(cli))
            root.Add(command);
        var host = new AdHocHost(cli.Log());
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
        return (root, cli);
    }
}
