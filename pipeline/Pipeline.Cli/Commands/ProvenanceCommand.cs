using System.CommandLine;
using Pipeline.Core.Execution;
using Pipeline.Core.Provenance;
using Pipeline.Core.Store;

namespace Pipeline.Cli.Commands;

public static class ProvenanceCommand
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string>("--format") { Description = "ro-crate (RO-Crate 1.1 JSON-LD) or prov (W3C PROV-O JSON-LD)", DefaultValueFactory = _ => "ro-crate" };
        format.AcceptOnlyFromAmong("ro-crate", "prov");
        var output = new Option<string?>("--out", "-o") { Description = "Output file (default: standard output)" };
        var command = new Command("provenance", "The committed run as JSON-LD: each stage a CreateAction with inputs, outputs, params and times") { format, output };
        command.SetAction(parse => cli.Guard(() =>
        {
            var workspace = cli.Workspace(parse);
            if (!File.Exists(workspace.LockPath))
                throw new FileNotFoundException($"no {Workspace.LockFileName} in {workspace.Root}: run the pipeline first");
            var graph = ProvenanceGraph.Load(workspace);
            Action<Stream> write = parse.GetValue(format) == "prov" ? s => ProvWriter.Write(graph, s) : s => RoCrateWriter.Write(graph, s);
            var outPath = parse.GetValue(output);
            if (outPath is null)
                cli.WriteJson(write);
            else
                AtomicFile.Write(outPath, write);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
