using System.CommandLine;
using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Provenance;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Cli.Commands;

public static class InspectCommands
{
    public static Command Show(CliContext cli)
    {
        var artifact = new Argument<string>("ARTIFACT") { Description = "stage.output (from pipeline.lock) or a .parquet/.csv file" };
        var rows = new Option<int>("--rows", "-n") { Description = "Rows to print", DefaultValueFactory = _ => 10 };
        var command = new Command("show", "Show an artifact: schema, metadata, first rows") { artifact, rows };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var a = ArtifactResolver.Resolve(workspace, LockFile.Load(workspace.LockPath), parse.GetValue(artifact)!);
            cli.Output.Write(Describe(workspace, a, parse.GetValue(rows)));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string Describe(Workspace workspace, ResolvedArtifact a, int rows)
    {
        var sb = new StringBuilder();
        sb.Append($"artifact  {a.Name}\nkind      {StoredArtifact.KindName(a.Kind)}\nhash      {a.Hash}\n");
        sb.Append($"path      {(a.InStore ? workspace.Relative(a.Path) : a.Path)}\n");
        if (a.WorkingPath is not null)
            sb.Append($"working   {a.WorkingPath}\n");
        if (!File.Exists(a.Path) && !Directory.Exists(a.Path))
            return sb.Append("(not on disk: run the pipeline to restore it)\n").ToString();
        switch (a.Kind)
        {
            case PortKind.Table:
                var table = a.Table ?? TableFiles.Read(a.Path);
                sb.Append($"rows      {table.RowCount}\ncolumns   {table.Columns.Count}\n\nschema\n");
                var width = table.Columns.Select(c => c.Name.Length).DefaultIfEmpty(1).Max();
                foreach (var c in table.Columns)
                    sb.Append("  ").Append(c.Name.PadRight(width)).Append("  ").Append(TableExport.TypeName(c.Type))
                        .Append(c.Unit is null ? "" : $"  [{c.Unit}]").Append('\n');
                if (table.Metadata.Count > 0)
                {
                    sb.Append("\nmetadata\n");
                    foreach (var (k, v) in table.Metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                        sb.Append("  ").Append(k).Append(" = ").Append(v).Append('\n');
                }
                sb.Append($"\nfirst {Math.Min(rows, table.RowCount)} rows\n").Append(TableExport.Preview(table, rows));
                break;
            case PortKind.File:
                var info = new FileInfo(a.Path);
                sb.Append($"size      {info.Length} bytes\n");
                if (info.Length < 1 << 20 && LooksLikeText(a.Path))
                {
                    sb.Append($"\nfirst {rows} lines\n");
                    foreach (var line in File.ReadLines(a.Path).Take(rows))
                        sb.Append("  ").Append(line).Append('\n');
                }
                break;
            default:
                sb.Append("\nfiles\n");
                foreach (var f in Directory.EnumerateFiles(a.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    sb.Append("  ").Append(Path.GetRelativePath(a.Path, f).Replace('\\', '/')).Append("  ").Append(new FileInfo(f).Length).Append(" bytes\n");
                break;
        }
        return sb.ToString();
    }

    private static bool LooksLikeText(string path)
    {
        var buffer = new byte[Math.Min(4096, (int)new FileInfo(path).Length)];
        using (var s = File.OpenRead(path))
            s.ReadExactly(buffer);
        return !buffer.Contains((byte)0);
    }

    public static Command Lineage(CliContext cli)
    {
        var artifact = new Argument<string>("ARTIFACT") { Description = "stage.output (or a stage with one output)" };
        var json = new Option<bool>("--json") { Description = "Machine-readable output" };
        var command = new Command("lineage", "The chain from an artifact back to the raw files, with hashes and params") { artifact, json };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var root = Core.Provenance.Lineage.Trace(LockFile.Load(workspace.LockPath), parse.GetValue(artifact)!);
            if (parse.GetValue(json))
                cli.WriteJson(s => Core.Provenance.Lineage.Json(root, s));
            else
                cli.Output.Write(Core.Provenance.Lineage.Text(root));
            return ExitCodes.Ok;
        }));
        return command;
    }
}
