using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Vasp.Ingest;

/// <summary>Which file of a folder stands for OUTCAR, CONTCAR, POSCAR or vasprun.xml in archives as they come:
/// the plain name, then ".gz", ".bz2", ".xz" (content is decompressed by its magic bytes either way); else the
/// custodian names of a multi-step relaxation ("OUTCAR.relax1.gz", "OUTCAR.relax2", ...), of which the highest
/// relaxation number wins (custodian renames each finished run, so the last one holds the final state).</summary>
public static partial class VaspFileNames
{
    [GeneratedRegex(@"^\.relax(\d+)(\.gz|\.bz2|\.xz)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RelaxSuffix();

    /// <summary>The chosen file name in <paramref name="dir"/> for <paramref name="baseName"/>, or null.
    /// With <paramref name="relaxTag"/> (".relax2"), that relaxation's file is taken first.</summary>
    public static string? Find(string dir, string baseName, string? relaxTag = null, bool nonEmpty = false)
    {
        if (relaxTag is { Length: > 0 })
        {
            foreach (var suffix in CompressedFile.Suffixes)
            {
                if (Usable(dir, baseName + relaxTag + suffix, nonEmpty))
                    return baseName + relaxTag + suffix;
            }
        }
        foreach (var suffix in CompressedFile.Suffixes)
        {
            if (Usable(dir, baseName + suffix, nonEmpty))
                return baseName + suffix;
        }
        string? best = null;
        int bestRun = -1;
        foreach (var path in Directory.EnumerateFiles(dir, baseName + ".relax*"))
        {
            var name = Path.GetFileName(path);
            var match = RelaxSuffix().Match(name[baseName.Length..]);
            if (!match.Success || !Usable(dir, name, nonEmpty))
                continue;
            int run = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (run > bestRun || (run == bestRun && string.CompareOrdinal(name, best) < 0))
                (best, bestRun) = (name, run);
        }
        return best;
    }

    /// <summary>".relax2" for "OUTCAR.relax2.gz", "" for a plain or compressed name.</summary>
    public static string RelaxTagOf(string fileName, string baseName)
    {
        var match = RelaxSuffix().Match(fileName[baseName.Length..]);
        return match.Success ? $".relax{match.Groups[1].Value}" : "";
    }

    private static bool Usable(string dir, string name, bool nonEmpty)
        => new FileInfo(Path.Combine(dir, name)) is { Exists: true } f && (!nonEmpty || f.Length > 0);
}
