namespace Pipeline.Report.Inputs;

/// <summary>Column names the report's newer parts read, in one place until the shared contracts project holds them
/// (docs/SCHEMAS.md: hops, features; the kmc stage's msd and results tables; fit-barriers' classifier metrics).</summary>
internal static class ReportColumns
{
    public const string CalcId = "calc_id";
    public const string PathLabel = "path_label";
    /// <summary>hops: energy of every NEB image (eV), image 0 first.</summary>
    public const string ImageEnergies = "energies";

    public static readonly string[] MsdTime = ["time_s"];
    public static readonly string[] MsdTracer = ["msd_tracer_a2"];
    public static readonly string[] Seed = ["seed"];
    public static readonly string[] JumpsPerLi = ["mean_jumps_per_li"];

    /// <summary>classifier_metrics: why fit-barriers did not train the path classifier (one row, when skipped).</summary>
    public static readonly string[] ClassifierSkipped = ["skipped_reason", "skip_reason"];
}
