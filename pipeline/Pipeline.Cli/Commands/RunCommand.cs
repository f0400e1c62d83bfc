using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Executors;

namespace Pipeline.Cli.Commands;

public static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var stages = new Argument<string[]>("STAGE") { Description = "Stages to bring up to date, with what they need (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Say what would run and why; run nothing" };
        var force = new Option<bool>("--force", "-f") { Description = "Run the given stages (all if none given) even if up to date" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Stages to run in parallel; also each stage's Parallelism", DefaultValueFactory = _ => 1 };
        var set = new Option<string[]>("--set", "-S") { Description = "Override a param for this run: STAGE.PARAM=VALUE (recorded in pipeline.lock)", AllowMultipleArgumentsPerToken = false };
        var lockTimeout = new Option<double>("--lock-timeout") { Description = "Seconds to wait for another run of this workspace to finish", DefaultValueFactory = _ => 60 };
        var executor = new Option<string?>("--executor") { Description = "Where fan-out stages run their work items: local or slurm (over pipeline.yaml's executor)" };
        executor.AcceptOnlyFromAmong("local", "slurm");
        var command = new Command("run", "Run stale stages in dependency order; skip up-to-date ones; restore from the run-cache when possible")
        {
            stages, dryRun, force, jobs, set, lockTimeout, executor,
        };
        // Task.Run: System.CommandLine starts listening for Ctrl-C only once the action has returned its task, so the
        // work must not run synchronously inside the call.
        command.SetAction((parse, cancellation) => Task.Run(() => cli.Guard(() =>
        {
            var j = parse.GetValue(jobs);
            if (j < 1)
                throw new ArgumentException("--jobs must be at least 1");
            var workspace = cli.Workspace(parse);
            var runner = new PipelineRunner(workspace, cli.Registry, cli.Log());
            StageTargets.Check(runner, parse.GetValue(stages) ?? [], parse.GetValue(set) ?? []);
            var outcome = runner.Run(new RunOptions
            {
                Targets = parse.GetValue(stages) ?? [],
                DryRun = parse.GetValue(dryRun),
                Force = parse.GetValue(force),
                Jobs = j,
                Sets = parse.GetValue(set) ?? [],
                LockTimeout = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(lockTimeout))),
                Executor = parse.GetValue(executor) switch
                {
                    "slurm" => ExecutorKind.Slurm,
                    "local" => ExecutorKind.Local,
                    _ => null,
                },
            }, cancellation);
            if (parse.GetValue(dryRun) && outcome.Stages.All(s => s.Action == StageAction.UpToDate))
                cli.Output.WriteLine("everything is up to date");
            if (!parse.GetValue(dryRun) && outcome.ExitCode == ExitCodes.Ok)
                RunSummary.Write(workspace, cli.Output);
            return outcome.ExitCode;
        }), CancellationToken.None));
        return command;
    }
}
