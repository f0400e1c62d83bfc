using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>The hops table of an ingest (one row per accepted NEB band), docs/SCHEMAS.md.</summary>
public static class HopsContract
{
    public const string Artifact = "hops";

    public const string CalcId = "calc_id";
    public const string NImages = "n_images";
    public const string Energies = "energies";
    public const string Toten = "toten";
    public const string EForward = "e_forward";
    public const string EBackward = "e_backward";
    public const string EReaction = "e_reaction";
    public const string EKra = "e_kra";
    public const string HighestImage = "highest_image";
    public const string MovingIndex = "moving_index";
    public const string MovingSpecies = "moving_species";
    public const string HopLength = "hop_length";
    public const string SecondDisplacement = "second_displacement";
    public const string MaxForce = "max_force";
    public const string Climbing = "climbing";
    public const string Lattice = "lattice";
    public const string Species = "species";
    public const string FracInitial = "frac_initial";
    public const string FracFinal = "frac_final";
    public const string MovingFracSaddle = "moving_frac_saddle";
    public const string SaddleImage = "saddle_image";
    public const string RawHashes = "raw_hashes";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(CalcId, ColumnType.String, "", "calculation folder, relative to the dataset root"),
        new(NImages, ColumnType.Int64, "", "images including both end points"),
        new(Energies, ColumnType.Float64List, "eV", "energy of each image relative to image 0"),
        new(Toten, ColumnType.Float64List, "eV", "TOTEN (free energy) of each image"),
        new(EForward, ColumnType.Float64, "eV", "forward barrier: highest image minus initial"),
        new(EBackward, ColumnType.Float64, "eV", "backward barrier: highest image minus final"),
        new(EReaction, ColumnType.Float64, "eV", "final minus initial energy"),
        new(EKra, ColumnType.Float64, "eV", "kinetically resolved activation barrier (e_forward + e_backward) / 2"),
        new(HighestImage, ColumnType.Int64, "", "index of the highest-energy image"),
        new(MovingIndex, ColumnType.Int64, "", "atom index of the moving ion"),
        new(MovingSpecies, ColumnType.String, "", "element of the moving ion"),
        new(HopLength, ColumnType.Float64, "Angstrom", "end-to-end displacement of the moving ion"),
        new(SecondDisplacement, ColumnType.Float64, "Angstrom", "largest end-to-end displacement of any other atom"),
        new(MaxForce, ColumnType.Float64List, "eV/Angstrom", "largest atomic force of each image"),
        new(Climbing, ColumnType.Bool, "", "climbing-image NEB (LCLIMB)"),
        new(Lattice, ColumnType.Float64List, "Angstrom", "lattice vectors of image 0, row-major 3x3"),
        new(Species, ColumnType.StringList, "", "element of each atom"),
        new(FracInitial, ColumnType.Float64List, "1", "fractional coordinates of image 0, atom-major"),
        new(FracFinal, ColumnType.Float64List, "1", "fractional coordinates of the last image, atom-major"),
        new(MovingFracSaddle, ColumnType.Float64List, "1", "fractional coordinates of the moving ion at the saddle image"),
        new(SaddleImage, ColumnType.Int64, "", "image used as the saddle for the path label"),
        new(RawHashes, ColumnType.String, "", "content hashes of the raw files read"),
    ]);
}

/// <summary>The images table of an ingest (one row per image of an accepted band).</summary>
public static class ImagesContract
{
    public const string Artifact = "images";

    public const string CalcId = "calc_id";
    public const string Image = "image";
    public const string Energy = "energy";
    public const string Toten = "toten";
    public const string MaxForce = "max_force";
    public const string TangentForce = "tangent_force";
    public const string MovingFrac = "moving_frac";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(CalcId, ColumnType.String, "", "calculation folder"),
        new(Image, ColumnType.Int64, "", "image index, 0 = initial end point"),
        new(Energy, ColumnType.Float64, "eV", "energy (energy(sigma->0) of the last ionic step)"),
        new(Toten, ColumnType.Float64, "eV", "TOTEN of the last ionic step"),
        new(MaxForce, ColumnType.Float64, "eV/Angstrom", "largest atomic force"),
        new(TangentForce, ColumnType.Float64, "eV/Angstrom", "force along the band tangent (VTST), NaN if not printed"),
        new(MovingFrac, ColumnType.Float64List, "1", "fractional coordinates of the moving ion"),
    ]);
}

/// <summary>The structures table of an ingest: NEB end points and single points, the CE training data.</summary>
public static class StructuresContract
{
    public const string Artifact = "structures";

    public const string CalcId = "calc_id";
    public const string Kind = "kind";
    public const string Lattice = "lattice";
    public const string Species = "species";
    public const string Frac = "frac";
    public const string Energy = "energy";
    public const string Toten = "toten";
    public const string NAtoms = "n_atoms";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(CalcId, ColumnType.String, "", "calculation (or end-point image) folder"),
        new(Kind, ColumnType.String, "", "neb-initial, neb-final or single-point"),
        new(Lattice, ColumnType.Float64List, "Angstrom", "lattice vectors, row-major 3x3"),
        new(Species, ColumnType.StringList, "", "element of each atom"),
        new(Frac, ColumnType.Float64List, "1", "fractional coordinates, atom-major"),
        new(Energy, ColumnType.Float64, "eV", "energy(sigma->0) of the last ionic step"),
        new(Toten, ColumnType.Float64, "eV", "TOTEN of the last ionic step"),
        new(NAtoms, ColumnType.Int64, "", "atoms in the cell"),
    ]);
}

/// <summary>The rejected table of an ingest: every calculation left out, with the reason, file and line.</summary>
public static class RejectedContract
{
    public const string Artifact = "rejected";

    public const string CalcId = "calc_id";
    public const string Reason = "reason";
    public const string File = "file";
    public const string Line = "line";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(CalcId, ColumnType.String, "", "calculation folder"),
        new(Reason, ColumnType.String, "", "machine-readable reason (docs/SCHEMAS.md lists them)"),
        new(File, ColumnType.String, "", "dataset-relative file the reason concerns"),
        new(Line, ColumnType.Int64, "", "line in that file, 0 when not tied to a line"),
    ]);
}
