namespace Pipeline.Vasp.Ingest;

/// <summary>Why a calculation was left out. <see cref="Code"/> is a stable machine-readable key, <see cref="Detail"/>
/// the human explanation; the rejected table's reason column is "code: detail".</summary>
/// <param name="File">Path of the offending file relative to the calculation folder ("" when not tied to a file).</param>
/// <param name="Line">1-based line in that file, 0 when not applicable.</param>
public sealed record Rejection(string Code, string Detail, string File, long Line)
{
    public string Reason => $"{Code}: {Detail}";
}

/// <summary>The rejection codes (one per kind of bad input the issue lists, plus unreadable files).</summary>
public static class RejectionCodes
{
    public const string EmptyOutcar = "empty_outcar";
    public const string TruncatedOutcar = "truncated_outcar";
    public const string MissingImageFolder = "missing_image_folder";
    public const string ImageCount = "image_count";
    public const string AtomCountMismatch = "atom_count_mismatch";
    public const string SpeciesOrderMismatch = "species_order_mismatch";
    public const string NoEnergy = "no_energy";
    public const string NotConverged = "electronic_not_converged";
    public const string MultipleIonsMoving = "multiple_ions_moving";
    public const string NotMobileSpecies = "moving_ion_not_mobile_species";
    public const string NoIonMoves = "no_ion_moves";
    public const string MissingFile = "missing_file";
    public const string MalformedFile = "malformed_file";
}

/// <summary>Thrown by strict ingest runs: the first rejection becomes a stage failure.</summary>
public sealed class IngestRejectedException : Exception
{
    public IngestRejectedException(string calcId, Rejection rejection, string datasetFile, int total)
        : base(Describe(calcId, rejection, datasetFile, total))
    {
        CalcId = calcId;
        Rejection = rejection;
    }

    public string CalcId { get; }
    public Rejection Rejection { get; }

    private static string Describe(string calcId, Rejection rejection, string datasetFile, int total)
    {
        var where = rejection.Line > 0 ? $"{datasetFile}:{rejection.Line}" : datasetFile;
        var more = total > 1 ? $"; {total - 1} more calculation(s) rejected" : "";
        return $"{calcId}: {rejection.Reason} ({where}){more} [strict mode]";
    }
}
