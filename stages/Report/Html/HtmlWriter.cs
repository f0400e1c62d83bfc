using System.Net;
using System.Text;

namespace Pipeline.Report.Html;

/// <summary>Appends HTML. Markup comes only from this code; every string that comes from data goes through
/// <see cref="Text"/> or an escaping overload, so a calc_id such as "&lt;script&gt;" prints as text.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _sb = new(1 << 16);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Trusted markup written by the report code itself (never data).</summary>
    public HtmlWriter Markup(string markup)
    {
        _sb.Append(markup);
        return this;
    }

    public HtmlWriter Text(string text)
    {
        _sb.Append(Escape(text));
        return this;
    }

    /// <summary>Opens a tag; <paramref name="cssClass"/> and <paramref name="id"/> are escaped as attribute values.</summary>
    public HtmlWriter Open(string tag, string? cssClass = null, string? id = null)
    {
        _sb.Append('<').Append(tag);
        if (id is not null) _sb.Append(" id=\"").Append(Escape(id)).Append('"');
        if (cssClass is not null) _sb.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        _sb.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _sb.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element whose whole content is escaped text.</summary>
    public HtmlWriter Element(string tag, string text, string? cssClass = null) =>
        Open(tag, cssClass).Text(text).Close(tag);

    public HtmlWriter Paragraph(string text, string? cssClass = null) => Element("p", text, cssClass);

    public HtmlWriter Heading(int level, string text) => Element("h" + level, text);

    /// <summary>The standard line for a part of the report whose inputs were not connected.</summary>
    public HtmlWriter NotPartOfRun(string what, IEnumerable<string> ports) =>
        Paragraph($"{what}: not part of this run (inputs {string.Join(", ", ports)} not connected).", "missing");

    /// <summary>A figure with an embedded image (data URI, so nothing is fetched) and an escaped caption.</summary>
    public HtmlWriter Figure(EmbeddedImage image, string caption)
    {
        Open("figure");
        _sb.Append("<img src=\"").Append(image.DataUri).Append("\" alt=\"").Append(Escape(caption)).Append("\">");
        Element("figcaption", caption);
        return Close("figure");
    }

    /// <summary>A chart drawn by the report: PNG on screen, the SVG (vector, sharp on paper) when printed. Both are
    /// data URIs inside &lt;picture&gt;, so nothing is fetched and the SVG cannot run scripts. <paramref name="id"/>
    /// names the figure (anchor and test hook); the caption says what the figure shows and how to read it.</summary>
    public HtmlWriter Figure(Charts.ChartImage chart, string id, string caption)
    {
        Open("figure", "chart", id).Markup("<picture><source media=\"print\" type=\"image/svg+xml\" srcset=\"data:image/svg+xml;base64,")
            .Markup(Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg))).Markup("\">");
        _sb.Append("<img src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png))
            .Append("\" alt=\"").Append(Escape(caption)).Append("\" width=\"").Append(Charts.PlotImage.Width)
            .Append("\" height=\"").Append(Charts.PlotImage.Height).Append("\">");
        Markup("</picture>");
        Element("figcaption", caption);
        return Close("figure");
    }

    /// <summary>Opens a collapsed block whose summary line is escaped text; close it with Close("details").</summary>
    public HtmlWriter OpenDetails(string summary, string? cssClass = null)
    {
        Open("details", cssClass);
        return Element("summary", summary);
    }

    /// <summary>A highlighted caution about the science (weak fit, unconverged run), shown where it applies.</summary>
    public HtmlWriter Warning(string text) => Paragraph(text, "warning");

    public override string ToString() => _sb.ToString();
}
