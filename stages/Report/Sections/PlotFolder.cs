using Pipeline.Report.Html;

namespace Pipeline.Report.Sections;

/// <summary>Embeds every image of a plot folder (PNG, SVG, JPEG; sub-folders included; a plot saved in two formats once, preferring PNG) in a stable order: first by
/// the position of the first preferred keyword in the file name, then by relative path.</summary>
internal static class PlotFolder
{
    public static IReadOnlyList<string> ImageFiles(string folder, IReadOnlyList<string> preferredKeywords)
    {
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(EmbeddedImage.IsImageFile)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            // A plot saved as PNG and SVG is shown once, as PNG.
            .GroupBy(rel => Path.ChangeExtension(rel, null), StringComparer.Ordinal)
            .Select(g => g.OrderBy(FormatPreference).First())
            .OrderBy(rel => Rank(rel, preferredKeywords))
            .ThenBy(rel => rel, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the images; returns how many were embedded.</summary>
    public static int Write(HtmlWriter html, string folder, IReadOnlyList<string> preferredKeywords)
    {
        int written = 0;
        foreach (var relative in ImageFiles(folder, preferredKeywords))
        {
            if (EmbeddedImage.FromFile(Path.Combine(folder, relative)) is not { } image) continue;
            html.Figure(image, Caption(relative));
            written++;
        }
        return written;
    }

    /// <summary>"parity_kra.png" becomes "parity kra (parity_kra.png)".</summary>
    public static string Caption(string relativePath)
    {
        var stem = Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ').Replace('-', ' ');
        return $"{stem} ({relativePath})";
    }

    private static int FormatPreference(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => 0,
        ".svg" => 1,
        _ => 2,
    };

    private static int Rank(string relativePath, IReadOnlyList<string> keywords)
    {
        var name = relativePath.ToLowerInvariant();
        for (int i = 0; i < keywords.Count; i++)
        {
            if (name.Contains(keywords[i], StringComparison.Ordinal)) return i;
        }
        return keywords.Count;
    }
}
