using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline params diff [REV]`: the params pipeline.yaml sets now (run or not yet run, defaults included)
/// against those recorded in the pipeline.lock committed at REV (default HEAD).</summary>
public static class ParamsCommands
{
    public static Command Create(CliContext cli)
    {
        var revision = DiffSupport.Revision();
        var json = new Option<bool>("--json") { Description = "Machine-readable output (numbers as JSON numbers)" };
        var diff = new Command("diff", "Compare the params in pipeline.yaml with those of another git revision's pipeline.lock") { revision, json };
        diff.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var rev = parse.GetValue(revision)!;
            var (old, commit) = DiffSupport.LockAt(workspace, rev);
            var current = new PipelineRunner(workspace, cli.Registry, cli.Log()).Load();
            var rows = LockDiff.Params(LockDiff.ParamsOf(old), LockDiff.ParamsOf(current));
            if (parse.GetValue(json))
            {
                DiffSupport.WriteChangesJson(cli, rev, commit, rows.Select(r => (r.Key, r)), (w, r) =>
                {
                    WriteValue(w, "old", r.Old);
                    WriteValue(w, "new", r.New);
                    MetricsCommands.WriteNumber(w, "change", LockDiff.AsNumber(r.New) - LockDiff.AsNumber(r.Old));
                });
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                cli.Output.WriteLine($"no params changed since {rev}");
                return ExitCodes.Ok;
            }
            DiffSupport.WriteTable(cli.Output, "param", rev, rows);
            return ExitCodes.Ok;
        }));
        return new Command("params", "Compare params with another git revision") { diff };
    }

    /// <summary>Numbers as JSON numbers, lists and words as strings, absent as null.</summary>
    private static void WriteValue(Utf8JsonWriter w, string name, string? text)
    {
        if (text is null)
            w.WriteNull(name);
        else if (LockDiff.AsNumber(text) is { } d && double.IsFinite(d))
            w.WriteNumber(name, d);
        else
            w.WriteString(name, text);
    }
}
