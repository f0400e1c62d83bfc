using System.Globalization;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Vasp.Ingest;

/// <summary>Finds the calculations under a dataset folder, depth first in ordinal name order (deterministic):
/// <list type="bullet">
/// <item>a folder whose INCAR sets IMAGES is a NEB (its subfolders are not searched further); so is a folder with
/// numbered subfolders whose INCAR does not parse (it is then rejected as malformed);</item>
/// <item>otherwise a folder with OUTCAR or OUTCAR.gz is a single point (CONTCAR required);</item>
/// <item>otherwise its subfolders are searched.</item>
/// </list>
/// File choice: OUTCAR over OUTCAR.gz when both exist; NEB endpoints (00, NN) read POSCAR (the fixed endpoint),
/// falling back to CONTCAR; intermediate images read CONTCAR (the relaxed image) unless it is missing or empty,
/// then POSCAR; single points read CONTCAR.</summary>
public static class DatasetScanner
{
    public static List<CalcPlan> Scan(string datasetRoot)
    {
        var root = Path.GetFullPath(datasetRoot);
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"dataset folder '{datasetRoot}' does not exist");
        var plans = new List<CalcPlan>();
        Visit(root, "", Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), plans);
        return plans;
    }

    private static void Visit(string dir, string relative, string rootName, List<CalcPlan> plans)
    {
        var calcId = relative.Length == 0 ? rootName : relative;
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
                    plans.Add(PlanNeb(dir, calcId, incar, subdirs));
                    return;
                }
            }
            catch (VaspFormatException e) when (subdirs.Any(IsNumbered))
            {
                plans.Add(new CalcPlan
                {
                    Kind = CalcKind.Neb, CalcId = calcId, Directory = dir,
                    Early = new Rejection(RejectionCodes.MalformedFile, e.Problem, "INCAR", e.Line),
                });
                return;
            }
            catch (VaspFormatException)
            {
                // Not a NEB folder; an unreadable INCAR does not matter to a single point (which never reads it).
            }
        }
        if (OutcarIn(dir) is { } outcar)
        {
            plans.Add(PlanSinglePoint(dir, calcId, outcar));
            return;
        }
        foreach (var sub in subdirs)
            Visit(Path.Combine(dir, sub), relative.Length == 0 ? sub : $"{relative}/{sub}", rootName, plans);
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
            early = PlanImages(dir, intermediate, incar.LineOf("IMAGES"), subdirs, images, files);
        return new CalcPlan
        {
            Kind = CalcKind.Neb, CalcId = calcId, Directory = dir, Images = images, IncarClimb = climb, Early = early,
            Files = files.Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static Rejection? PlanImages(string dir, int intermediate, int imagesLine, List<string> subdirs,
        List<PlannedImage> images, List<string> files)
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
                    $"image folder {k:D2} is missing (IMAGES = {intermediate} needs 00..{expected - 1:D2})", $"{k:D2}", 0);
        }
        if (numbered.Count != expected)
            return new Rejection(RejectionCodes.ImageCount,
                $"{numbered.Count} image folders ({numbered.First().Value}..{numbered.Last().Value}) but IMAGES = {intermediate} means {expected}",
                "INCAR", imagesLine);
        for (int k = 0; k < expected; k++)
        {
            var folder = numbered[k];
            var imageDir = Path.Combine(dir, folder);
            bool endpoint = k == 0 || k == expected - 1;
            var structure = endpoint ? FirstExisting(imageDir, "POSCAR", "CONTCAR") : FirstNonEmpty(imageDir, "CONTCAR", "POSCAR");
            if (structure is null)
                return new Rejection(RejectionCodes.MissingFile, $"image {folder} has no POSCAR or CONTCAR", $"{folder}/POSCAR", 0);
            var outcar = OutcarIn(imageDir);
            if (outcar is null)
                return new Rejection(RejectionCodes.MissingFile, $"image {folder} has no OUTCAR or OUTCAR.gz", $"{folder}/OUTCAR", 0);
            images.Add(new PlannedImage(k, folder, $"{folder}/{structure}", $"{folder}/{outcar}"));
            files.Add($"{folder}/{structure}");
            files.Add($"{folder}/{outcar}");
        }
        return null;
    }

    private static CalcPlan PlanSinglePoint(string dir, string calcId, string outcar)
    {
        bool hasContcar = File.Exists(Path.Combine(dir, "CONTCAR"));
        return new CalcPlan
        {
            Kind = CalcKind.SinglePoint, CalcId = calcId, Directory = dir,
            Images = hasContcar ? [new PlannedImage(0, "", "CONTCAR", outcar)] : [],
            Files = hasContcar ? new[] { "CONTCAR", outcar }.Order(StringComparer.Ordinal).ToList() : [],
            Early = hasContcar ? null : new Rejection(RejectionCodes.MissingFile, "single-point folder has an OUTCAR but no CONTCAR", "CONTCAR", 0),
        };
    }

    private static bool IsNumbered(string name) => name.Length is > 0 and <= 4 && name.All(char.IsAsciiDigit);

    private static string? OutcarIn(string dir) => FirstExisting(dir, "OUTCAR", "OUTCAR.gz");

    private static string? FirstExisting(string dir, params string[] names)
        => names.FirstOrDefault(n => File.Exists(Path.Combine(dir, n)));

    private static string? FirstNonEmpty(string dir, params string[] names)
        => names.FirstOrDefault(n => new FileInfo(Path.Combine(dir, n)) is { Exists: true, Length: > 0 });
}
