namespace Pipeline.Report.Sections;

/// <summary>Element ids of the report's key figures and blocks: anchors for readers, hooks for the browser test.</summary>
internal static class FigureIds
{
    public const string Headline = "headline";
    public const string TracerAgainstX = "fig-d-tracer-x";
    public const string JumpAgainstX = "fig-d-jump-x";
    public const string ConductivityAgainstX = "fig-conductivity-x";
    public const string Arrhenius = "fig-arrhenius";
    public const string PercolationAgainstX = "fig-percolation-x";
    public const string NebProfiles = "fig-neb-profiles";
    public const string ForestPrefix = "fig-forest-";
    public const string CeParity = "fig-ce-parity";
    public const string CeDeviation = "fig-ce-deviation";
    public const string LearningCurvePrefix = "fig-learning-curve-";
}
