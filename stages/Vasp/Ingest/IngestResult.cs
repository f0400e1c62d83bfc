using Pipeline.Vasp.Neb;

namespace Pipeline.Vasp.Ingest;

/// <summary>Settings of an ingest run (the stage params plus the engine's parallelism and cache folder).</summary>
public sealed record IngestOptions
{
    /// <summary>Species the hopping ion must be (the moving ion of every accepted NEB).</summary>
    public string MobileSpecies { get; init; } = "Li";

    /// <summary>A hop is rejected when a second atom moves more than this fraction of the moving ion's displacement.</summary>
    public double SecondMoverRatio { get; init; } = 0.5;

    /// <summary>A hop whose moving ion travels less than this (Angstrom) between image 0 and N has no moving ion.</summary>
    public double MinHopLength { get; init; } = 0.1;

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Folder for per-calculation parse results; null disables the cache.</summary>
    public string? CacheDirectory { get; init; }
}

/// <summary>An accepted NEB.</summary>
public sealed record AcceptedHop(string CalcId, NebBand Band, NebAnalysis Analysis, string RawHashes, IReadOnlyList<string> ImageFolders);

/// <summary>An accepted single-point calculation.</summary>
public sealed record AcceptedSinglePoint(string CalcId, NebImage Image);

/// <summary>A rejected calculation with the offending file relative to the dataset.</summary>
public sealed record RejectedCalc(string CalcId, Rejection Rejection, string DatasetFile);

/// <summary>Everything one ingest run found, in dataset order.</summary>
public sealed class IngestResult
{
    public List<AcceptedHop> Hops { get; } = new();
    public List<AcceptedSinglePoint> SinglePoints { get; } = new();
    public List<RejectedCalc> Rejected { get; } = new();

    /// <summary>Calculations whose raw files were parsed in this run (cache misses).</summary>
    public int ParsedCalculations { get; set; }

    /// <summary>Calculations whose parse came from the cache.</summary>
    public int CachedCalculations { get; set; }

    /// <summary>The run's summary log line (the engine prefixes the stage name).</summary>
    public string Summary()
        => $"{Hops.Count} NEBs accepted, {SinglePoints.Count} single points, {Rejected.Count} rejected " +
           $"({ParsedCalculations} parsed, {CachedCalculations} from cache)";
}
