using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Execution;

namespace Pipeline.Cli.Commands;

public static class StatusCommand
{
    public static Command Create(CliContext cli)
    {
        var stages = new Argument<string[]>("STAGE") { Description = "Stages to report (with their upstream; default: all)", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("status", "Which stages are up to date, which are stale and why") { stages, json };
        command.SetAction(parse => cli.Guard(() =>
        {
            var runner = new PipelineRunner(cli.Workspace(parse), cli.Registry, cli.Log());
            StageTargets.Check(runner, parse.GetValue(stages) ?? []);
            var outcome = runner.Plan(parse.GetValue(stages) ?? []);
            if (parse.GetValue(json))
            {
                cli.WriteJson(stream => WriteJson(outcome, stream));
                return ExitCodes.Ok;
            }
            var width = outcome.Stages.Select(s => s.Stage.Length).DefaultIfEmpty(5).Max();
            foreach (var s in outcome.Stages)
                cli.Output.WriteLine($"{s.Stage.PadRight(width)}  {State(s.Action)}{(s.Reasons.Count > 0 ? ": " + string.Join("; ", s.Reasons) : "")}");
            if (outcome.Stages.All(s => s.Action == StageAction.UpToDate))
                cli.Output.WriteLine("everything is up to date");
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string State(StageAction action) => action switch
    {
        StageAction.UpToDate => "up to date",
        StageAction.WouldRestore => "stale, restorable from the run-cache",
        StageAction.WouldRun => "stale",
        StageAction.Failed => "error",
        _ => action.ToString(),
    };

    private static string JsonState(StageAction action) => action switch
    {
        StageAction.UpToDate => "up-to-date",
        StageAction.WouldRestore => "restorable",
        StageAction.WouldRun => "stale",
        StageAction.Failed => "error",
        _ => "not-evaluated",
    };

    private static void WriteJson(RunOutcome outcome, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteBoolean("up_to_date", outcome.Stages.All(s => s.Action == StageAction.UpToDate));
        json.WriteStartArray("stages");
        foreach (var s in outcome.Stages)
        {
            json.WriteStartObject();
            json.WriteString("name", s.Stage);
            json.WriteString("state", JsonState(s.Action));
            if (s.Fingerprint is not null)
                json.WriteString("fingerprint", s.Fingerprint);
            json.WriteStartArray("reasons");
            foreach (var r in s.Reasons)
                json.WriteStringValue(r);
            json.WriteEndArray();
            if (s.Error is not null)
                json.WriteString("error", s.Error);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
