using System.CommandLine;
using Pipeline.Abstractions;

namespace Pipeline.Vasp.Ingest;

/// <summary>`pipeline ingest PATH --out DIR [--strict] [--ase] [--mobile-species Li]`: runs the ingest stage once
/// through the engine's ad-hoc runner and writes hops/images/structures/rejected.parquet into DIR.
/// With --ase, PATH is a folder of .traj files, one .traj file, or a folder plus file-name glob ("runs/neb-*.traj").</summary>
public static class IngestCommand
{
    public static Command Create(IStageHost host)
    {
        var path = new Argument<string>("path") { Description = "Dataset folder (VASP), or .traj folder / file / glob with --ase" };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the Parquet tables into", Required = true };
        var strict = new Option<bool>("--strict") { Description = "Fail on any rejected calculation" };
        var ase = new Option<bool>("--ase") { Description = "Read ASE trajectory (.traj) NEB bands instead of VASP folders" };
        var mobile = new Option<string>("--mobile-species")
        {
            Description = "Element of the hopping ion",
            DefaultValueFactory = _ => "Li",
        };
        var command = new Command("ingest", "Parse raw NEB calculations into hops, images, structures and rejected tables")
        {
            path, output, strict, ase, mobile,
        };
        command.SetAction(parse =>
        {
            var parameters = new Dictionary<string, string>
            {
                [IngestParams.Strict] = parse.GetValue(strict) ? "true" : "false",
                [IngestParams.MobileSpecies] = parse.GetValue(mobile) ?? "Li",
            };
            var input = parse.GetValue(path)!;
            IStage stage = new VaspNebIngestStage();
            if (parse.GetValue(ase))
            {
                stage = new AseNebIngestStage();
                (input, var pattern) = SplitGlob(input);
                parameters[AseNebIngestStage.Pattern] = pattern;
            }
            return host.RunAdHoc(stage, parameters, new Dictionary<string, string> { ["data"] = input }, parse.GetValue(output)!);
        });
        return command;
    }

    /// <summary>"dir/neb-*.traj" → ("dir", "neb-*.traj"); "dir/x.traj" (a file) → ("dir", "x.traj"); "dir" → ("dir", "*.traj").</summary>
    public static (string Folder, string Pattern) SplitGlob(string input)
    {
        var name = Path.GetFileName(input.TrimEnd('/', Path.DirectorySeparatorChar));
        bool isGlob = name.Contains('*') || name.Contains('?');
        if (isGlob || File.Exists(input))
        {
            var folder = Path.GetDirectoryName(input.TrimEnd('/', Path.DirectorySeparatorChar));
            return (string.IsNullOrEmpty(folder) ? "." : folder, name);
        }
        return (input, "*.traj");
    }
}
