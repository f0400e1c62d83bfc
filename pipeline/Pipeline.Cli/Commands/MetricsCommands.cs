using System.CommandLine;
using System.Text.Json;
using Pipeline.Core.Execution;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

/// <summary>`pipeline metrics show` (every stage's current metrics) and `pipeline metrics diff [REV]` (against the
/// pipeline.lock committed at REV, default HEAD). Which outputs count as metrics: <see cref="MetricsReader"/>.</summary>
public static class MetricsCommands
{
    public static Command Create(CliContext cli)
    {
        var group = new Command("metrics", "Show the metrics of the current run, or compare them with another git revision");
        group.Add(Show(cli));
        group.Add(Diff(cli));
        return group;
    }

    private static Command Show(CliContext cli)
    {
        var json = new Option<bool>("--json") { Description = "Machine-readable output (numbers as JSON numbers)" };
        var command = new Command("show", "Every stage's current metrics (validation errors, CE fit, kMC results), one number per line") { json };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            if (!File.Exists(workspace.LockPath))
                throw new FileNotFoundException($"no {Workspace.LockFileName} in {workspace.Root}: run the pipeline first (`pipeline run`)");
            var metrics = MetricsReader.Read(workspace, LockFile.Load(workspace.LockPath));
            foreach (var m in metrics.Missing)
                cli.Error.WriteLine("warning: " + m);
            if (parse.GetValue(json))
            {
                cli.WriteJson(s =>
                {
                    using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
                    w.WriteStartObject();
                    w.WriteStartObject("metrics");
                    foreach (var (k, v) in metrics.Values)
                        WriteNumber(w, k, v);
                    w.WriteEndObject();
                    w.WriteEndObject();
                });
                return ExitCodes.Ok;
            }
            if (metrics.Values.Count == 0)
            {
                cli.Output.WriteLine("no metrics in pipeline.lock (outputs named *metrics*, or a table named summary)");
                return ExitCodes.Ok;
            }
            int width = metrics.Values.Keys.Max(k => k.Length);
            foreach (var (k, v) in metrics.Values)
                cli.Output.WriteLine($"{k.PadRight(width)}  {LockDiff.Format(v)}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Diff(CliContext cli)
    {
        var revision = DiffSupport.Revision();
        var json = new Option<bool>("--json") { Description = "Machine-readable output (numbers as JSON numbers)" };
        var command = new Command("diff", "Compare every stage's metrics with those of another git revision's pipeline.lock") { revision, json };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var rev = parse.GetValue(revision)!;
            var (old, commit) = DiffSupport.LockAt(workspace, rev);
            var before = MetricsReader.Read(workspace, old);
            var now = MetricsReader.Read(workspace, LockFile.Load(workspace.LockPath));
            foreach (var m in before.Missing)
                cli.Error.WriteLine($"warning: {rev}: {m}");
            foreach (var m in now.Missing)
                cli.Error.WriteLine($"warning: workspace: {m}");
            var rows = LockDiff.Metrics(before.Values, now.Values);
            if (parse.GetValue(json))
            {
                DiffSupport.WriteChangesJson(cli, rev, commit, rows.Select(r => (r.Key, r)), (w, r) =>
                {
                    WriteNumber(w, "old", r.Old);
                    WriteNumber(w, "new", r.New);
                    WriteNumber(w, "change", r.Change);
                });
                return ExitCodes.Ok;
            }
            if (rows.Count == 0)
            {
                cli.Output.WriteLine($"no metrics changed since {rev}");
                return ExitCodes.Ok;
            }
            DiffSupport.WriteTable(cli.Output, "metric", rev, rows.Select(r =>
                new DiffRow(r.Key, Text(r.Old), Text(r.New), r.Change is { } c ? LockDiff.Signed(c) : null)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static string? Text(double? v) => v is { } d ? LockDiff.Format(d) : null;

    /// <summary>A number as a JSON number; NaN and infinities (which JSON lacks) and absent values as null.</summary>
    public static void WriteNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
            w.WriteNumber(name, v);
        else
            w.WriteNull(name);
    }
}
