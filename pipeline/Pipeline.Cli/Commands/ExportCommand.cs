using System.CommandLine;
using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Execution;
using Pipeline.Core.Provenance;
using Pipeline.Core.Store;
using Pipeline.Core.Tables;

namespace Pipeline.Cli.Commands;

public static class ExportCommand
{
    public static Command Create(CliContext cli)
    {
        var artifact = new Argument<string>("ARTIFACT") { Description = "stage.output (a table) or a .parquet/.csv file" };
        var format = new Option<string>("--format") { Description = "csv, json or parquet", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "parquet");
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output; required for parquet)" };
        var schema = new Option<bool>("--with-schema")
        {
            Description = "JSON only: write {\"columns\": [{name, type, unit}], \"rows\": [...]} instead of the bare row array, so column units travel along",
        };
        var command = new Command("export", "Export a table artifact as CSV, JSON or Parquet (with its provenance metadata)") { artifact, format, output, schema };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            var a = ArtifactResolver.Resolve(workspace, LockFile.Load(workspace.LockPath), parse.GetValue(artifact)!);
            if (a.Kind != PortKind.Table)
                throw new ArgumentException($"{a.Name} is a {StoredArtifact.KindName(a.Kind)}; export converts tables (copy files from {a.WorkingPath ?? a.Path})");
            var fmt = parse.GetValue(format)!;
            var outPath = parse.GetValue(output);
            if (fmt == "parquet")
            {
                if (outPath is null)
                    throw new ArgumentException("--format parquet needs --out FILE");
                if (a.Path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
                    AtomicFile.Copy(a.Path, outPath);
                else
                    AtomicFile.Write(outPath, s => Core.Parquet.ParquetTableWriter.Write(a.Table ?? TableFiles.Read(a.Path), s, new Dictionary<string, string>()));
                return ExitCodes.Ok;
            }
            var table = a.Table ?? TableFiles.Read(a.Path);
            bool withSchema = parse.GetValue(schema);
            if (withSchema && fmt != "json")
                throw new ArgumentException("--with-schema applies to --format json only");
            Action<Stream> writeJson = withSchema ? s => TableExport.WriteJsonWithSchema(table, s) : s => TableExport.WriteJson(table, s);
            if (outPath is null)
            {
                if (fmt == "csv")
                    TableExport.WriteCsv(table, cli.Output);
                else
                    cli.WriteJson(writeJson);
                return ExitCodes.Ok;
            }
            AtomicFile.Write(outPath, s =>
            {
                if (fmt == "json")
                {
                    writeJson(s);
                    return;
                }
                using var writer = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
                TableExport.WriteCsv(table, writer);
            });
            return ExitCodes.Ok;
        }));
        return command;
    }
}
