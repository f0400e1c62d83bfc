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

    public override string ToString() => _sb.ToString();
}
