using System.Globalization;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Vasp.Ingest;

/// <summary>One folder the scanner looked at and what it made of it (`pipeline ingest PATH --explain`).</summary>
/// <param name="Folder">Dataset-relative folder ("." for the dataset root).</param>
/// <param name="Verdict">"neb", "single-point", "rejected" or "skipped".</param>
public sealed record ScanEntry(string Folder, string Verdict, string Reason);

/// <summary>Finds the calculations under a dataset folder, depth first in ordinal name order (deterministic).
/// The layout rules (docs/INGEST.md):
/// <list type="number">
/// <item>a folder whose INCAR sets IMAGES is a NEB (its subfolders are not searched further); so is a folder with
/// numbered subfolders whose INCAR does not parse (it is then rejected as malformed);</item>
/// <item>a folder without IMAGES whose two-digit subfolders 00, 01, ... include at least three holding an OUTCAR or
/// vasprun.xml is a NEB with IMAGES inferred as (number of image folders - 2), like pymatgen's
/// NEBAnalysis.from_dir;</item>
/// <item>otherwise a folder with an OUTCAR (or only a vasprun.xml) is a single point, and its subfolders are
/// searched too (calculations nested below it);</item>
/// <item>otherwise its subfolders are searched; a folder holding VASP files (INCAR, POSCAR, CONTCAR, KPOINTS,
/// POTCAR) under which no calculation is found is rejected as missing its OUTCAR, never dropped silently.</item>
/// </list>
/// File choice (<see cref="VaspFileNames"/>): plain, .gz, .bz2, .xz, then custodian .relaxN (last run). NEB
/// endpoints (00, NN) read POSCAR (the fixed endpoint), falling back to CONTCAR; intermediate images read CONTCAR
/// (the relaxed image) unless it is missing or empty, then POSCAR; an image with neither reads the structure of
/// its vasprun.xml. Single points read CONTCAR; without one, a vasprun.xml's final structure, else POSCAR when the
/// OUTCAR shows a static run (NSW = 0 or IBRION = -1; checked when the OUTCAR is parsed).</summary>
public static class DatasetScanner
{
    private static readonly string[] InputFileNames = ["INCAR", "POSCAR", "CONTCAR", "KPOINTS", "POTCAR"];

    public static List<CalcPlan> Scan(string datasetRoot) => Scan(datasetRoot, null);

    /// <param name="explain">Receives one entry per folder looked at, with what it was taken for and why.</param>
    public static List<CalcPlan> Scan(string datasetRoot, List<ScanEntry>? explain)
    {
        var root = Path.GetFullPath(datasetRoot);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"dataset folder '{datasetRoot}' does not exist");
        var plans = new List<CalcPlan>();
        Visit(root, "", Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), plans, explain ?? []);
        return plans;
    }

    private static void Visit(string dir, string relative, string rootName, List<CalcPlan> plans, List<ScanEntry> explain)
    {
        var calcId = relative.Length == 0 ? rootName : relative;
        var shown = relative.Length == 0 ? "." : relative;
        var subdirs = Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToList();
        var incarPath = Path.Combine(dir, "INCAR");
        if (File.Exists(incarPath))
        {
            try
            {
                var incar = Incar.Parse(incarPath, "INCAR");
                if (incar.Has("IMAGES"))
                {
                    Add(plans, explain, PlanNeb(dir, calcId, incar, subdirs), shown);
                    return;
                }
            }
            catch (VaspFormatException e) when (subdirs.Any(IsNumbered))
            {
                Add(plans, explain, new CalcPlan
                {
                    Kind = CalcKind.Neb, CalcId = calcId, Directory = dir, Layout = "NEB (INCAR with numbered image folders)",
                    Early = new Rejection(RejectionCodes.MalformedFile, e.Problem, "INCAR", e.Line),
                }, shown);
                return;
            }
            catch (VaspFormatException)
            {
                // Not a NEB folder; an unreadable INCAR does not matter to a single point (which never reads it).
            }
        }
        var imageFolders = subdirs.Where(IsImageFolder).ToList();
        int withEnergies = imageFolders.Count(f => EnergySourceIn(Path.Combine(dir, f)) is not null);
        if (imageFolders.Contains("00") && withEnergies >= 3)
        {
            Add(plans, explain, PlanInferredNeb(dir, calcId, subdirs, imageFolders), shown);
            return;
        }
        int before = plans.Count;
        if (EnergySourceIn(dir) is { } source)
            Add(plans, explain, PlanSinglePoint(dir, calcId, source), shown);
        foreach (var sub in subdirs)
            Visit(Path.Combine(dir, sub), relative.Length == 0 ? sub : $"{relative}/{sub}", rootName, plans, explain);
        if (plans.Count > before)
            return;
        var inputs = InputFileNames.Where(n => VaspFileNames.Find(dir, n) is not null).ToList();
        if (inputs.Count > 0)
        {
            Add(plans, explain, new CalcPlan
            {
                Kind = CalcKind.SinglePoint, CalcId = calcId, Directory = dir, Layout = "VASP input files only",
                Early = new Rejection(RejectionCodes.MissingFile,
                    $"folder has {string.Join(", ", inputs)} but no OUTCAR or vasprun.xml (and no calculation below it)", "OUTCAR", 0),
            }, shown);
            return;
        }
        explain.Add(new ScanEntry(shown, "skipped", subdirs.Count == 0
            ? "no VASP files"
            : "no VASP files here; its subfolders were searched"));
    }

    private static void Add(List<CalcPlan> plans, List<ScanEntry> explain, CalcPlan plan, string shown)
    {
        plans.Add(plan);
        var verdict = plan.Early is not null ? "rejected" : plan.Kind == CalcKind.Neb ? "neb" : "single-point";
        var reason = plan.Early is { } r ? $"{plan.Layout}: {r.Reason}" : $"{plan.Layout}: {string.Join(", ", plan.Files)}";
        explain.Add(new ScanEntry(shown, verdict, reason));
    }

    private static CalcPlan PlanNeb(string dir, string calcId, Incar incar, List<string> subdirs)
    {
        Rejection? early = null;
        int intermediate = 0;
        bool? climb = null;
        try
        {
            intermediate = incar.Images ?? 0;
            climb = incar.LClimb;
            if (intermediate < 1)
                early = new Rejection(RejectionCodes.ImageCount, $"IMAGES = {intermediate}: a NEB needs at least one intermediate image", "INCAR", incar.LineOf("IMAGES"));
        }
        catch (VaspFormatException e)
        {
            early = new Rejection(RejectionCodes.MalformedFile, e.Problem, "INCAR", e.Line);
        }
        var images = new List<PlannedImage>();
        var files = new List<string> { "INCAR" };
        if (early is null)
            early = PlanImages(dir, intermediate, $"IMAGES = {intermediate}", "INCAR", incar.LineOf("IMAGES"), subdirs, images, files);
        return new CalcPlan
        {
            Kind = CalcKind.Neb, CalcId = calcId, Directory = dir, Images = images, IncarClimb = climb, Early = early,
            Files = files.Order(StringComparer.Ordinal).ToList(), Layout = $"NEB (INCAR IMAGES = {intermediate})",
        };
    }

    // No INCAR with IMAGES, but image folders 00..NN with OUTCARs: IMAGES = NN - 1, inferred. Gaps are missing images.
    private static CalcPlan PlanInferredNeb(string dir, string calcId, List<string> subdirs, List<string> imageFolders)
    {
        int last = imageFolders.Max(f => int.Parse(f, NumberStyles.None, CultureInfo.InvariantCulture));
        int intermediate = last - 1;
        var images = new List<PlannedImage>();
        var files = new List<string>();
        var early = PlanImages(dir, intermediate, $"image folders 00..{last:D2}", "", 0, subdirs, images, files);
        return new CalcPlan
        {
            Kind = CalcKind.Neb, CalcId = calcId, Directory = dir, Images = images, Early = early,
            Files = files.Order(StringComparer.Ordinal).ToList(),
            Layout = $"NEB without INCAR IMAGES ({imageFolders.Count} image folders 00..{last:D2}, IMAGES = {intermediate} inferred)",
        };
    }

    private static Rejection? PlanImages(string dir, int intermediate, string expectation, string countFile, int countLine,
        List<string> subdirs, List<PlannedImage> images, List<string> files)
    {
        int expected = intermediate + 2;
        var numbered = new SortedDictionary<int, string>();
        foreach (var name in subdirs.Where(IsNumbered))
        {
            int k = int.Parse(name, NumberStyles.None, CultureInfo.InvariantCulture);
            if (!numbered.TryAdd(k, name))
                return new Rejection(RejectionCodes.ImageCount, $"folders '{numbered[k]}' and '{name}' both number image {k}", name, 0);
        }
        for (int k = 0; k < expected; k++)
        {
            if (!numbered.ContainsKey(k))
                return new Rejection(RejectionCodes.MissingImageFolder,
                    $"image folder {k:D2} is missing ({expectation} needs 00..{expected - 1:D2})", $"{k:D2}", 0);
        }
        if (numbered.Count != expected)
            return new Rejection(RejectionCodes.ImageCount,
                $"{numbered.Count} image folders ({numbered.First().Value}..{numbered.Last().Value}) but {expectation} means {expected}",
                countFile, countLine);
        for (int k = 0; k < expected; k++)
        {
            var folder = numbered[k];
            var imageDir = Path.Combine(dir, folder);
            bool endpoint = k == 0 || k == expected - 1;
            var source = EnergySourceIn(imageDir);
            if (source is null)
                return new Rejection(RejectionCodes.MissingFile, $"image {folder} has no OUTCAR (.gz, .bz2, .xz) or vasprun.xml", $"{folder}/OUTCAR", 0);
            var tag = VaspFileNames.RelaxTagOf(source, source.StartsWith("OUTCAR", StringComparison.Ordinal) ? "OUTCAR" : "vasprun.xml");
            var structure = endpoint
                ? VaspFileNames.Find(imageDir, "POSCAR", tag) ?? VaspFileNames.Find(imageDir, "CONTCAR", tag)
                : VaspFileNames.Find(imageDir, "CONTCAR", tag, nonEmpty: true) ?? VaspFileNames.Find(imageDir, "POSCAR", tag, nonEmpty: true);
            if (structure is null && source.StartsWith("vasprun", StringComparison.Ordinal))
                structure = source;
            if (structure is null)
                return new Rejection(RejectionCodes.MissingFile, $"image {folder} has no POSCAR or CONTCAR", $"{folder}/POSCAR", 0);
            images.Add(new PlannedImage(k, folder, $"{folder}/{structure}", $"{folder}/{source}"));
            files.Add($"{folder}/{structure}");
            if (structure != source)
                files.Add($"{folder}/{source}");
        }
        return null;
    }

    private static CalcPlan PlanSinglePoint(string dir, string calcId, string source)
    {
        bool vasprun = source.StartsWith("vasprun", StringComparison.Ordinal);
        var tag = VaspFileNames.RelaxTagOf(source, vasprun ? "vasprun.xml" : "OUTCAR");
        var contcar = VaspFileNames.Find(dir, "CONTCAR", tag, nonEmpty: true);
        string? structure = contcar;
        bool requireStatic = false;
        string layout = "single point (OUTCAR + CONTCAR)";
        if (structure is null && vasprun)
        {
            structure = source;
            layout = "single point (vasprun.xml final structure)";
        }
        else if (structure is null && VaspFileNames.Find(dir, "POSCAR", tag) is { } poscar)
        {
            structure = poscar;
            requireStatic = true;
            layout = "static single point (OUTCAR + POSCAR; no CONTCAR)";
        }
        if (structure is null)
        {
            return new CalcPlan
            {
                Kind = CalcKind.SinglePoint, CalcId = calcId, Directory = dir, Layout = "single point",
                Early = new Rejection(RejectionCodes.MissingFile,
                    $"single-point folder has {(vasprun ? "a vasprun.xml" : "an OUTCAR")} but no CONTCAR (nor a POSCAR of a static run)", "CONTCAR", 0),
            };
        }
        var files = structure == source ? [source] : new[] { structure, source };
        return new CalcPlan
        {
            Kind = CalcKind.SinglePoint, CalcId = calcId, Directory = dir, Layout = layout,
            Images = [new PlannedImage(0, "", structure, source, requireStatic)],
            Files = files.Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static bool IsNumbered(string name) => name.Length is > 0 and <= 4 && name.All(char.IsAsciiDigit);

    // VASP names NEB image folders with two digits (00..99).
    private static bool IsImageFolder(string name) => name.Length == 2 && name.All(char.IsAsciiDigit);

    /// <summary>The OUTCAR of a folder, else its vasprun.xml (null when it has neither).</summary>
    private static string? EnergySourceIn(string dir) => VaspFileNames.Find(dir, "OUTCAR") ?? VaspFileNames.Find(dir, "vasprun.xml");
}
