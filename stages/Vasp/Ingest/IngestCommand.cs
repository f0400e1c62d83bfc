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
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the Parquet tables into (required unless --explain)" };
        var explain = new Option<bool>("--explain")
        {
            Description = "Only list every folder found under PATH: taken as a NEB or single point (with its files), rejected or skipped, and why",
        };
        var strict = new Option<bool>("--strict") { Description = "Fail on any rejected calculation" };
        var ase = new Option<bool>("--ase") { Description = "Read ASE trajectory (.traj) NEB bands instead of VASP folders" };
        var mobile = new Option<string>("--mobile-species")
        {
            Description = "Element of the hopping ion",
            DefaultValueFactory = _ => "Li",
        };
        var command = new Command("ingest", "Parse raw NEB calculations into hops, images, structures and rejected tables")
        {
            path, output, strict, ase, mobile, explain,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(explain))
                return Explain(parse.GetValue(path)!, Console.Out);
            if (string.IsNullOrEmpty(parse.GetValue(output)))
            {
                Console.Error.WriteLine("ingest: --out DIR is required (or use --explain)");
                return 2;
            }
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

    /// <summary>Prints what the scanner makes of every folder under <paramref name="datasetRoot"/>; 0 when at least one
    /// calculation was found, 2 when none was (with the accepted layouts).</summary>
    public static int Explain(string datasetRoot, TextWriter output)
    {
        var entries = new List<ScanEntry>();
        List<CalcPlan> plans;
        try
        {
            plans = DatasetScanner.Scan(datasetRoot, entries);
        }
        catch (DirectoryNotFoundException e)
        {
            output.WriteLine(e.Message);
            return 2;
        }
        foreach (var e in entries)
            output.WriteLine($"{e.Verdict,-12} {e.Folder}  -- {e.Reason}");
        int accepted = plans.Count(p => p.Early is null);
        output.WriteLine($"{plans.Count} calculation(s) found ({accepted} planned for parsing, {plans.Count - accepted} rejected by layout), " +
            $"{entries.Count(e => e.Verdict == "skipped")} folder(s) skipped");
        if (plans.Count == 0)
        {
            output.WriteLine(NoCalculationsException.AcceptedLayouts);
            return 2;
        }
        return 0;
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
