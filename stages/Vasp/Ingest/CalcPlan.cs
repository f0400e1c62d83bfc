namespace Pipeline.Vasp.Ingest;

public enum CalcKind
{
    Neb,
    SinglePoint,
}

/// <summary>The files one image (or a single-point calculation) is read from, relative to the calculation folder.</summary>
/// <param name="Index">Image number (0 for a single point).</param>
/// <param name="Folder">Image folder name ("00", "01", ...; "" for a single point).</param>
/// <param name="StructureFile">POSCAR or CONTCAR chosen for the geometry.</param>
/// <param name="OutcarFile">The energy source: OUTCAR (also .gz/.bz2/.xz, custodian .relaxN) or, when the folder has
/// no OUTCAR, vasprun.xml.</param>
/// <param name="RequireStatic">The structure is a POSCAR standing in for a missing CONTCAR: only valid when the
/// OUTCAR shows a static run (NSW = 0 or IBRION = -1).</param>
public sealed record PlannedImage(int Index, string Folder, string StructureFile, string OutcarFile, bool RequireStatic = false)
{
    /// <summary>Whether the energy source is a vasprun.xml rather than an OUTCAR.</summary>
    public bool IsVasprun => Path.GetFileName(OutcarFile).StartsWith("vasprun", StringComparison.Ordinal);
}

/// <summary>A calculation found in the dataset and the raw files its parse will read. <see cref="Early"/> is set
/// when the folder layout alone already rejects it (missing image folder, wrong image count, missing file).</summary>
public sealed class CalcPlan
{
    public required CalcKind Kind { get; init; }

    /// <summary>Dataset-relative folder with '/' separators (the folder's own name when it is the dataset root).</summary>
    public required string CalcId { get; init; }

    /// <summary>Absolute path of the calculation folder.</summary>
    public required string Directory { get; init; }

    public IReadOnlyList<PlannedImage> Images { get; init; } = [];

    /// <summary>LCLIMB from the INCAR (NEB only); null when the INCAR does not set it.</summary>
    public bool? IncarClimb { get; init; }

    public Rejection? Early { get; init; }

    /// <summary>How the scanner recognised the folder (printed by `pipeline ingest --explain`).</summary>
    public string Layout { get; init; } = "";

    /// <summary>Every raw file the parse reads, calculation-relative with '/' separators, sorted (ordinal).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public string FullPath(string relativeFile) => Path.Combine(Directory, relativeFile.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Dataset-relative path of a calculation-relative file.</summary>
    public string DatasetPath(string relativeFile) => relativeFile.Length == 0 ? CalcId : $"{CalcId}/{relativeFile}";
}
