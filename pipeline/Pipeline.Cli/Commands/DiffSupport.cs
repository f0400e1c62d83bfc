using System.Text.Json;
using System.CommandLine;
using Pipeline.Core.Maintenance;
using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

/// <summary>What `metrics diff` and `params diff` share: the REV argument, reading the lock committed there, the table.</summary>
public static class DiffSupport
{
    public static Argument<string> Revision()
        => new("REV") { Description = "git commit, branch or tag to compare with", DefaultValueFactory = _ => "HEAD" };

    /// <summary>The pipeline.lock committed at <paramref name="revision"/>, and the commit id it resolved to.</summary>
    public static (LockFile Lock, string Commit) LockAt(Workspace workspace, string revision)
    {
        var commit = GitRevision.Resolve(workspace.Root, revision);
        var text = GitRevision.ReadFile(workspace.Root, commit, Workspace.LockFileName);
        return (LockFile.Parse(text, $"{revision}:{Workspace.LockFileName}"), commit);
    }

    public static void WriteTable(TextWriter output, string what, string revision, IEnumerable<DiffRow> rows)
    {
        var all = rows.Prepend(new DiffRow(what, revision, "workspace", "change")).ToList();
        int w0 = all.Max(r => r.Key.Length), w1 = all.Max(r => (r.Old ?? "-").Length), w2 = all.Max(r => (r.New ?? "-").Length);
        foreach (var r in all)
            output.WriteLine($"{r.Key.PadRight(w0)}  {(r.Old ?? "-").PadRight(w1)}  {(r.New ?? "-").PadRight(w2)}  {r.Change ?? ""}".TrimEnd());
    }

    /// <summary>The JSON of a diff: {"revision", "commit", "changes": [{"key", "old", "new", "change"}, ...]}, each
    /// change's values written by <paramref name="writeValues"/> (numbers as JSON numbers).</summary>
    public static void WriteChangesJson<T>(CliContext cli, string revision, string commit, IEnumerable<(string Key, T Row)> rows,
        Action<Utf8JsonWriter, T> writeValues)
    {
        cli.WriteJson(s =>
        {
            using var w = new Utf8JsonWriter(s, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("revision", revision);
            w.WriteString("commit", commit);
            w.WriteStartArray("changes");
            foreach (var (key, row) in rows)
            {
                w.WriteStartObject();
                w.WriteString("key", key);
                writeValues(w, row);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
