namespace Pipeline.Vasp.Ingest;

/// <summary>The dataset folder holds no VASP calculation at all: almost always the wrong folder, so the ingest
/// fails early, naming the folder and the layouts it accepts, instead of writing empty tables.</summary>
public sealed class NoCalculationsException : Exception
{
    public const string AcceptedLayouts =
        "expected, anywhere below it: NEB folders (an INCAR with IMAGES and image folders 00..NN, or image folders " +
        "00..NN alone, each with an OUTCAR or vasprun.xml) or single-point folders (an OUTCAR or vasprun.xml with a " +
        "CONTCAR); OUTCAR may be .gz, .bz2, .xz or custodian's OUTCAR.relaxN (see docs/INGEST.md)";

    public NoCalculationsException(string folder, IReadOnlyList<string> contents)
        : base($"no VASP calculation found in '{folder}' ({Describe(contents)}); {AcceptedLayouts}")
    {
        Folder = folder;
    }

    public string Folder { get; }

    private static string Describe(IReadOnlyList<string> contents)
        => contents.Count == 0 ? "the folder is empty"
            : $"it holds {string.Join(", ", contents.Take(8))}{(contents.Count > 8 ? $" and {contents.Count - 8} more" : "")}";
}
