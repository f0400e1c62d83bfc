using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Report.Tests.Browser;

/// <summary>What a real browser saw after laying the report out at a given width: failures (each naming its
/// section), the headline's item count, and every identified figure with its section, caption length and whether
/// its image loaded.</summary>
internal sealed record LayoutResult(IReadOnlyList<string> Failures, int HeadlineItems, IReadOnlyDictionary<string, (string Section, int CaptionLength, bool Loaded)> Figures);

/// <summary>The report has no scripts, so the probe runs on a copy of it with one script appended: after the load
/// event it checks every image decoded, that nothing is wider than the window (tables scroll inside their
/// .table-wrap, so the wrapper is what must fit), and lists the headline and figures; Chromium's --dump-dom then
/// prints the DOM with the probe's findings in a &lt;pre&gt;. The copy differs from the report only by that script
/// at the very end, so it lays out the same.</summary>
internal static partial class LayoutProbe
{
    private const string Script = """
<script>
window.addEventListener('load', function () {
  var out = [], W = window.innerWidth;
  function section(el) { var s = el.closest('section'); return s && s.id ? s.id : 'page'; }
  document.querySelectorAll('img').forEach(function (img, i) {
    if (!img.complete || img.naturalWidth === 0)
      out.push('FAIL ' + section(img) + ': image ' + i + ' (' + (img.alt || '').slice(0, 80) + ') did not load');
  });
  var doc = document.documentElement.scrollWidth;
  if (doc > W) out.push('FAIL page: the document is ' + doc + ' px wide in a ' + W + ' px window');
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.id === 'layout-probe' || (el.closest('.table-wrap') && !el.classList.contains('table-wrap'))) return;
    var r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 0.5)
      out.push('FAIL ' + section(el) + ': <' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '') +
               '> ends at ' + Math.round(r.right) + ' px, beyond the ' + W + ' px page');
  });
  var h = document.getElementById('headline');
  out.push('HEADLINE ' + (h ? h.querySelectorAll('ul.headline > li').length : -1));
  document.querySelectorAll('figure[id]').forEach(function (f) {
    var c = f.querySelector('figcaption'), img = f.querySelector('img');
    out.push('FIGURE ' + f.id + ' ' + section(f) + ' ' + (c ? c.textContent.trim().length : 0) + ' ' +
             (img && img.complete && img.naturalWidth > 0 ? 'loaded' : 'missing'));
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-probe';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
});
</script>
""";

    [GeneratedRegex("<pre id=\"layout-probe\">(?<text>.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex ProbeOutput();

    public static LayoutResult Run(string reportPath, int width)
    {
        var html = File.ReadAllText(reportPath);
        int end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        Assert.True(end >= 0, $"{reportPath} has no </body>");
        var probe = Path.Combine(Path.GetDirectoryName(reportPath)!, "layout-probe.html");
        File.WriteAllText(probe, html[..end] + Script + html[end..]);
        try
        {
            var dom = Chromium.Run(Chromium.FileUrl(probe), $"--window-size={width},900", "--virtual-time-budget=20000", "--dump-dom");
            var match = ProbeOutput().Match(dom);
            Assert.True(match.Success, "the layout probe left no result in the DOM (did the load event fire?)");
            var lines = WebUtility.HtmlDecode(match.Groups["text"].Value).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var failures = lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
            int headline = lines.Where(l => l.StartsWith("HEADLINE ", StringComparison.Ordinal)).Select(l => int.Parse(l[9..])).DefaultIfEmpty(-1).First();
            var figures = new Dictionary<string, (string, int, bool)>(StringComparer.Ordinal);
            foreach (var l in lines.Where(l => l.StartsWith("FIGURE ", StringComparison.Ordinal)))
            {
                var parts = l.Split(' ');
                figures[parts[1]] = (parts[2], int.Parse(parts[3]), parts[4] == "loaded");
            }
            return new LayoutResult(failures, headline, figures);
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
