namespace Pipeline.Report.Science;

/// <summary>A place where the science is weak, with the section it belongs to (its anchor) and one plain sentence.</summary>
internal sealed record ScienceWarning(string Section, string Text);
