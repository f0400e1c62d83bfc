using System.Text.RegularExpressions;

namespace Pipeline.Report.Tests;

/// <summary>Small helpers to look into a rendered report.</summary>
internal static partial class ReportHtml
{
    [GeneratedRegex("<section id=\"(?<id>[^\"]+)\" class=\"report-section\">(?<body>.*?)</section>", RegexOptions.Singleline)]
    private static partial Regex SectionPattern();

    [GeneratedRegex("src=\"data:image/png;base64,(?<b64>[A-Za-z0-9+/=]+)\"")]
    private static partial Regex PngPattern();

    [GeneratedRegex("(?:src|href)\\s*=\\s*\"(?<url>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ReferencePattern();

    public static IReadOnlyList<(string Id, string Body)> Sections(string html) =>
        SectionPattern().Matches(html).Select(m => (m.Groups["id"].Value, m.Groups["body"].Value)).ToList();

    public static string Section(string html, string id) =>
        Sections(html).Single(s => s.Id == id).Body;

    public static IReadOnlyList<byte[]> EmbeddedPngs(string html) =>
        PngPattern().Matches(html).Select(m => Convert.FromBase64String(m.Groups["b64"].Value)).ToList();

    public static IReadOnlyList<string> References(string html) =>
        ReferencePattern().Matches(html).Select(m => m.Groups["url"].Value).ToList();

    public static int Count(string html, string text) => Regex.Matches(html, Regex.Escape(text)).Count;
}
