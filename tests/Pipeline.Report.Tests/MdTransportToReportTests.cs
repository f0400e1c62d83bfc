using System.Globalization;
using System.Text;
using Pipeline.Cli;
using Pipeline.Core.Parquet;
using Pipeline.Report.Html;

namespace Pipeline.Report.Tests;

/// <summary>The real md-transport stage feeds the report: lattice walkers with a planted Arrhenius law, written as
/// XDATCARs with INCARs, go through `pipeline md-transport` and `pipeline report`; the stage's tables pass the
/// report's contract check and the section shows the stage's numbers.</summary>
public sealed class MdTransportToReportTests : IDisposable
{
    private const double Boltzmann = 8.617333262e-5;
    private const double PlantedEa = 0.1;
    private readonly string _root = Path.Combine(Path.GetTempPath(), "md-report-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Md_transport_outputs_render_in_the_report_with_the_planted_activation_energy()
    {
        var trajectories = Path.Combine(_root, "md");
        foreach (var t in new[] { 600.0, 1000.0 })
            WriteWalkers(Path.Combine(trajectories, $"T{t:0}"), t, seed: (int)t);
        var mdOut = Path.Combine(_root, "out-md");
        var reportOut = Path.Combine(_root, "out-report");

        Invoke(["md-transport", trajectories, "--out", mdOut, "--remove-drift", "false"]);
        Invoke(["report", "--md-observables", Path.Combine(mdOut, "observables.parquet"), "--md-arrhenius", Path.Combine(mdOut, "arrhenius.parquet"),
            "--md-plots", Path.Combine(mdOut, "plots"), "--out", reportOut]);
        var md = ReportHtml.Section(File.ReadAllText(Path.Combine(reportOut, "report.html")), "md-transport");

        var arrhenius = ParquetTableReader.Read(Path.Combine(mdOut, "arrhenius.parquet"));
        int tracer = Array.IndexOf(arrhenius.Strings("quantity"), "d_tracer");
        double ea = arrhenius.Doubles("ea_ev")[tracer], eaErr = arrhenius.Doubles("ea_err_ev")[tracer];
        // Independent oracle: hops with probability exp(-0.1 eV / k_B T) per frame give E_a = 0.1 eV.
        Assert.True(Math.Abs(ea - PlantedEa) < 4 * eaErr, $"E_a {ea} ± {eaErr} eV, planted {PlantedEa} eV");
        Assert.Contains("<td>tracer D*</td><td class=\"num\">" + HtmlWriter.Escape(Format.Measured(ea, eaErr)) + "</td>", md);
        Assert.Contains("<td>T600/XDATCAR</td><td class=\"num\">600</td><td class=\"num\">400</td><td class=\"num\">16</td>", md);
        Assert.Contains("<td>T1000/XDATCAR</td><td class=\"num\">1000</td>", md);
        // msd-loglog, msd-linear and arrhenius, each saved as PNG and SVG, shown once each.
        Assert.Equal(3, ReportHtml.EmbeddedPngs(md).Count);
        Assert.DoesNotContain("could not be rendered", md);
    }

    private static void Invoke(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CommandTree.Invoke(args, Modules.All, stdout, stderr);
        Assert.True(code == 0, $"pipeline {string.Join(' ', args)} exited {code}\n{stdout}\n{stderr}");
    }

    /// <summary>16 Li walkers on a 4^3 simple cubic lattice of spacing 2 A plus 4 fixed O, 400 frames of 1 fs; each
    /// frame a walker hops to one of its 6 neighbours with probability exp(-E_a / k_B T).</summary>
    private static void WriteWalkers(string folder, double temperature, int seed)
    {
        const int sites = 4, walkers = 16, oxygens = 4, frames = 400;
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "INCAR"), $"POTIM = 1.0\nTEBEG = {temperature.ToString(CultureInfo.InvariantCulture)}\n");
        var random = new Random(seed);
        double p = Math.Exp(-PlantedEa / (Boltzmann * temperature));
        var position = new int[walkers, 3];
        for (int i = 0; i < walkers; i++)
            for (int k = 0; k < 3; k++) position[i, k] = random.Next(sites);
        var text = new StringBuilder($"walkers\n1.0\n 8 0 0\n 0 8 0\n 0 0 8\n Li O\n {walkers} {oxygens}\n");
        for (int frame = 1; frame <= frames; frame++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Direct configuration= {frame}\n");
            for (int i = 0; i < walkers; i++)
                text.Append(CultureInfo.InvariantCulture, $"{Fraction(position[i, 0])} {Fraction(position[i, 1])} {Fraction(position[i, 2])}\n");
            for (int o = 0; o < oxygens; o++) text.Append(CultureInfo.InvariantCulture, $"{(o + 0.5) / sites:F6} 0.125000 0.125000\n");
            for (int i = 0; i < walkers; i++)
                if (random.NextDouble() < p) position[i, random.Next(3)] += random.Next(2) == 0 ? -1 : 1;
        }
        File.WriteAllText(Path.Combine(folder, "XDATCAR"), text.ToString());

        static string Fraction(int site) => (((site % sites) + sites) % sites / (double)sites).ToString("F6", CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
