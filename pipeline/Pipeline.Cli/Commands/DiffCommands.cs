using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline metrics diff [REV]` and `pipeline params diff [REV]`: the working tree's pipeline.lock against
/// the one committed at REV (default HEAD).</summary>
public static class DiffCommands
{
    public static Command Metrics(CliContext cli) => Group("metrics", "Compare metrics outputs with another git revision", cli, (workspace, old, current) =>
    {
        var (a, missingOld) = LockDiff.Metrics(workspace, old);
        var (b, missingNew) = LockDiff.Metrics(workspace, current);
        foreach (var m in missingOld)
            cli.Error.WriteLine($"note: old {m}");
        foreach (var m in missingNew)
            cli.Error.WriteLine($"note: current {m}");
        return LockDiff.MetricsRows(a, b);
    });

    public static Command Params(CliContext cli) => Group("params", "Compare params with another git revision", cli,
        (_, old, current) => LockDiff.Params(old, current));

    private static Command Group(string name, string description, CliContext cli, Func<Workspace, LockFile, LockFile, List<DiffRow>> diff)
    {
        var revision = new Argument<string>("REV") { Description = "git revision to compare with", DefaultValueFactory = _ => "HEAD" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var diffCommand = new Command("diff", description) { revision, json };
        diffCommand.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var rev = parse.GetValue(revision)!;
            var old = LockFile.Parse(GitRevision.ReadFile(workspace.Root, rev, Workspace.LockFileName), $"{rev}:{Workspace.LockFileName}");
            var rows = diff(workspace, old, LockFile.Load(workspace.LockPath));
            if (parse.GetValue(json))
            {
                cli.WriteJson(s => WriteJson(rows, rev, s));
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                cli.Output.WriteLine($"no {name} changed since {rev}");
                return ExitCodes.Ok;
            }
            var header = new DiffRow(name == "params" ? "param" : "metric", rev, "workspace", "change");
            var all = rows.Prepend(header).ToList();
            int w0 = all.Max(r => r.Key.Length), w1 = all.Max(r => (r.Old ?? "-").Length), w2 = all.Max(r => (r.New ?? "-").Length);
            foreach (var r in all)
                cli.Output.WriteLine($"{r.Key.PadRight(w0)}  {(r.Old ?? "-").PadRight(w1)}  {(r.New ?? "-").PadRight(w2)}  {r.Change ?? ""}".TrimEnd());
            return ExitCodes.Ok;
        }));
        return new Command(name, description) { diffCommand };
    }

    private static void WriteJson(List<DiffRow> rows, string revision, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("revision", revision);
        json.WriteStartArray("changes");
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("key", r.Key);
            json.WriteString("old", r.Old);
            json.WriteString("new", r.New);
            json.WriteString("change", r.Change);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
