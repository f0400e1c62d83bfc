namespace Pipeline.Report.Charts;

/// <summary>A chart drawn by the report: PNG for the screen and SVG (vector) for print, from the same plot.</summary>
internal sealed record ChartImage(byte[] Png, string Svg);
