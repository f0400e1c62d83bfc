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

    /// <summary>What a stage's plot shows and how to read it, known from its file name ("parity_kra.png"), with the
    /// file name; a plot of unknown kind is captioned by its name alone.</summary>
    public static string Caption(string relativePath)
    {
        var stem = Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ').Replace('-', ' ');
        var name = Path.GetFileNameWithoutExtension(relativePath).ToLowerInvariant();
        var model = name.Contains("kra", StringComparison.Ordinal) ? "KRA-barrier" : name.Contains("forward", StringComparison.Ordinal) ? "forward-barrier" : "barrier";
        string? meaning =
            name.Contains("parity", StringComparison.Ordinal) ? $"Parity of the {model} model: predicted against NEB barrier per hop (eV); points on the diagonal are predicted exactly."
            : name.Contains("residual", StringComparison.Ordinal) ? $"Residuals of the {model} model (predicted - NEB, eV) against the prediction; a trend or funnel means missing physics."
            : name.Contains("path", StringComparison.Ordinal) ? $"Lasso path of the {model} model: each standardized coefficient against log10 alpha; the dashed line is the chosen alpha, descriptors that enter early matter most."
            : name.Contains("cv", StringComparison.Ordinal) ? $"Cross-validation curve of the {model} model: mean CV error against log10 alpha; the chosen alpha is marked."
            : name.Contains("arrhenius", StringComparison.Ordinal) ? "The kmc stage's Arrhenius plot (log10 D against 1000/T)."
            : name.Contains("msd", StringComparison.Ordinal) ? "Mean squared displacement against time per kMC run; diffusive runs are straight lines."
            : null;
        return meaning is null ? $"{stem} ({relativePath})" : $"{meaning} ({relativePath})";
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
