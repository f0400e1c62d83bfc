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
/// <param name="OutcarFile">OUTCAR or OUTCAR.gz.</param>
public sealed record PlannedImage(int Index, string Folder, string StructureFile, string OutcarFile);

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

    /// <summary>Every raw file the parse reads, calculation-relative with '/' separators, sorted (ordinal).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public string FullPath(string relativeFile) => Path.Combine(Directory, relativeFile.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Dataset-relative path of a calculation-relative file.</summary>
    public string DatasetPath(string relativeFile) => relativeFile.Length == 0 ? CalcId : $"{CalcId}/{relativeFile}";
}
