using System.Text;
using System.Text.RegularExpressions;
using ScottPlot;

namespace Pipeline.Plotting;

/// <summary>Saves a plot as PNG and SVG under one base name, so that the same plot always gives the same bytes:
/// artifacts are content-hashed, and a plot folder whose bytes drift would make every downstream stage re-run.</summary>
public static partial class PlotFiles
{
    public const int DefaultWidth = 800;
    public const int DefaultHeight = 600;

    public static IReadOnlyList<string> Save(Plot plot, string directory, string baseName,
        int width = DefaultWidth, int height = DefaultHeight)
    {
        var png = Path.Combine(directory, baseName + ".png");
        var svg = Path.Combine(directory, baseName + ".svg");
        plot.SavePng(png, width, height);
        File.WriteAllText(svg, NormalizeSvgIds(plot.GetSvgXml(width, height)), new UTF8Encoding(false));
        return [png, svg];
    }

    /// <summary>ScottPlot numbers SVG clip-path ids (cl_1f, ...) from a process-wide counter, so the same plot
    /// rendered after another one, or beside one on another thread, differs. Renumber them by first appearance.</summary>
    public static string NormalizeSvgIds(string svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!map.TryGetValue(m.Value, out var id))
            {
                id = "cl_" + map.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                map.Add(m.Value, id);
            }
            return id;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();
}
