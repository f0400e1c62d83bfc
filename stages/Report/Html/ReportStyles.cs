namespace Pipeline.Report.Html;

/// <summary>The report's inline stylesheet. Screen: readable light layout. Print: black on white, each section on
/// a new page, table rows and figures never split, header rows repeated on each page, wide tables wrapped.</summary>
internal static class ReportStyles
{
    public const string Css = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #d5dae3; --accent: #0b4f8a; --band: #f3f5f9; --warn: #8a3b00; --warn-band: #fff4e5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #ffffff;
       margin: 0 auto; max-width: 1100px; padding: 1.5rem 2rem 4rem; line-height: 1.45; font-size: 15px; overflow-wrap: break-word; }
header.report-header { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.35rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; margin-top: 2.2rem; color: var(--accent); }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
nav.toc ol { columns: 2; margin: .4rem 0 1rem; }
nav.toc a, a { color: var(--accent); }
section#headline { border: 1px solid var(--line); border-left: 5px solid var(--accent); padding: .2rem 1.2rem .8rem; background: #fbfcfe; }
section#headline h2 { margin-top: .8rem; }
ul.headline { padding-left: 1.2rem; margin: .4rem 0; }
ul.headline li { margin: .35rem 0; }
ul.warnings { padding-left: 1.2rem; }
ul.warnings li, p.warning { color: var(--warn); }
p.warning { background: var(--warn-band); border-left: 4px solid #d55e00; padding: .35rem .7rem; }
.table-wrap { overflow-x: auto; max-width: 100%; margin: .4rem 0 1rem; }
table { border-collapse: collapse; font-size: .88rem; min-width: 40%; }
caption { text-align: left; font-weight: bold; padding: .2rem 0; color: var(--muted); }
th, td { border: 1px solid var(--line); padding: .22rem .5rem; vertical-align: top; }
th { background: var(--band); text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td { overflow-wrap: anywhere; }
details { margin: .4rem 0 1rem; border: 1px solid var(--line); border-radius: 3px; padding: .3rem .7rem; max-width: 100%; }
details > summary { cursor: pointer; color: var(--accent); font-weight: bold; }
figure { margin: .8rem 0 1.4rem; max-width: 100%; }
figure img { display: block; max-width: 100%; height: auto; border: 1px solid var(--line); background: #ffffff; }
figcaption { font-size: .87rem; color: var(--muted); max-width: 720px; margin-top: .3rem; }
.missing { color: var(--muted); font-style: italic; border-left: 4px solid var(--line); padding: .3rem .7rem; background: var(--band); }
.note { color: var(--muted); font-size: .85rem; }
.kv th { width: 14rem; }
code, .hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .8rem; overflow-wrap: anywhere; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  :root { --ink: #000000; --muted: #333333; --line: #888888; --accent: #000000; --band: #ffffff; }
  body { background: #ffffff !important; color: #000000 !important; max-width: none; padding: 0; font-size: 10pt; }
  * { background: transparent !important; color: #000000 !important; box-shadow: none !important; }
  nav.toc { display: none; }
  section.report-section { break-before: page; page-break-before: always; }
  section#headline { break-before: auto; page-break-before: auto; border: 1px solid #000000; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .table-wrap { overflow: visible; }
  table { width: 100%; font-size: 8pt; break-inside: auto; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  td.num { white-space: normal; }
  figure { break-inside: avoid; page-break-inside: avoid; }
  figure img { max-height: 95mm; width: auto; border: none; }
  details { border: none; padding: 0; }
  a { text-decoration: none; }
}
""";
}
