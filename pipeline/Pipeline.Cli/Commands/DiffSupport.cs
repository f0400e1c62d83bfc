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
}
