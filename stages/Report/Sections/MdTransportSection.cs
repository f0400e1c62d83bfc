using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Report.Html;
using Pipeline.Report.Inputs;

namespace Pipeline.Report.Sections;

/// <summary>Molecular dynamics (md-transport): observables per trajectory with their block errors, the runs the stage
/// flagged as not diffusive, its Arrhenius fits, its plots, and, with the kMC summary, kMC against MD. Left out of
/// the report entirely when no md-transport output is connected.</summary>
internal sealed class MdTransportSection : IReportSection
{
    private static readonly string[] PlotOrder = ["msd-loglog", "msd-linear", "arrhenius"];

    public string Id => "md-transport";
    public string Title => "Molecular dynamics";
    public IReadOnlyList<string> Ports => [ReportPorts.MdObservables, ReportPorts.MdArrhenius, ReportPorts.MdPlots];
    public bool OmittedWhenUnconnected => true;

    public void Write(HtmlWriter html, ReportInputs inputs, ReportOptions options)
    {
        html.Paragraph("Transport from MD trajectories by the md-transport stage, with the same code as the kMC (lib/Transport): "
                       + "D* and D_sigma from the slopes of the tracer and collective MSD over the diffusive window, errors are standard errors over consecutive blocks of each trajectory.", "note");
        var observables = inputs.Table(ReportPorts.MdObservables);
        var arrhenius = inputs.Table(ReportPorts.MdArrhenius);

        html.Heading(3, "Observables per run");
        if (observables is null) html.NotPartOfRun("MD observables", [ReportPorts.MdObservables]);
        else
        {
            WriteLinearityWarnings(html, observables);
            WriteObservables(html, observables, options);
        }

        html.Heading(3, "Arrhenius fits");
        if (arrhenius is null) html.NotPartOfRun("MD Arrhenius fits", [ReportPorts.MdArrhenius]);
        else WriteArrhenius(html, arrhenius);

        html.Heading(3, "kMC against MD");
        if (arrhenius is null || !inputs.Has(ReportPorts.KmcSummary))
            html.NotPartOfRun("Comparison of kMC and MD", new[] { ReportPorts.KmcSummary, ReportPorts.MdArrhenius }.Where(p => !inputs.Has(p)));
        else
        {
            if (observables is not null && observables.Bools(MdObservablesContract.Linear).Count(l => !l) is var flagged and > 0)
                html.Warning($"{flagged} of {observables.RowCount} MD runs are not diffusive (warnings above): the MD side of this comparison rests on them and is not reliable.");
            MdKmcComparison.Write(html, inputs.Table(ReportPorts.KmcSummary)!, arrhenius);
        }

        html.Heading(3, "The md-transport stage's own plots");
        if (inputs.Path(ReportPorts.MdPlots) is { } folder)
        {
            html.OpenDetails("Plots written by md-transport (MSD per run on log-log and linear axes, Arrhenius)");
            if (WritePlots(html, folder) == 0) html.Paragraph("The MD plot folder holds no images.", "note");
            html.Close("details");
        }
        else html.NotPartOfRun("MD plots", [ReportPorts.MdPlots]);
    }

    /// <summary>md-transport marks a run <c>linear = false</c> when the tracer MSD's log-log slope over the fit window
    /// is off 1 by more than its tolerance, or the window holds too few points; the reason is rebuilt from the row.</summary>
    private static void WriteLinearityWarnings(HtmlWriter html, Table t)
    {
        var linear = t.Bools(MdObservablesContract.Linear);
        var slope = t.Doubles(MdObservablesContract.LogLogSlope);
        var points = t.Longs(MdObservablesContract.FitPoints);
        var start = t.Doubles(MdObservablesContract.FitStart);
        var end = t.Doubles(MdObservablesContract.FitEnd);
        for (int r = 0; r < t.RowCount; r++)
        {
            if (linear[r]) continue;
            var few = points[r] < 5 ? $"; only {Format.Integer(points[r])} MSD points in the window" : "";
            html.Warning($"{RunLabel(t, r)}: md-transport flagged the tracer MSD as not diffusive in the fit window "
                         + $"[{Format.Number(start[r])}, {Format.Number(end[r])}] ps (log-log slope {Format.Number(slope[r])}, diffusion gives 1{few}). "
                         + "Its D*, D_sigma and conductivity are not diffusion coefficients (caged, sub-diffusive or still ballistic motion): run longer or move the window (fit_start_ps, fit_end_ps).");
        }
    }

    private static void WriteObservables(HtmlWriter html, Table t, ReportOptions options)
    {
        string V(string value, string error, int r) => Format.WithError(t.Doubles(value)[r], t.Doubles(error)[r]);
        string N(string column, int r) => Format.Number(t.Doubles(column)[r]);
        string I(string column, int r) => Format.Integer(t.Longs(column)[r]);
        var linear = t.Bools(MdObservablesContract.Linear);
        var table = new HtmlTable("run", "file", "T (K)", "frames", "ions", "blocks", "fit window (ps)",
            "tracer D* (cm^2/s)", "charge D_sigma (cm^2/s)", "distinct D_sigma - D* (cm^2/s)", "Haven ratio D*/D_sigma",
            "conductivity sigma (S/cm)", "log-log MSD slope", "diffusive");
        for (int r = 0; r < t.RowCount; r++)
        {
            table.AddRow(I(MdObservablesContract.Run, r), t.Strings(MdObservablesContract.File)[r], N(MdObservablesContract.Temperature, r),
                I(MdObservablesContract.Frames, r), I(MdObservablesContract.Ions, r), I(MdObservablesContract.Blocks, r),
                $"{N(MdObservablesContract.FitStart, r)} to {N(MdObservablesContract.FitEnd, r)}",
                V(MdObservablesContract.DTracer, MdObservablesContract.DTracerErr, r),
                V(MdObservablesContract.DSigma, MdObservablesContract.DSigmaErr, r),
                V(MdObservablesContract.DDistinct, MdObservablesContract.DDistinctErr, r),
                Format.Measured(t.Doubles(MdObservablesContract.HavenRatio)[r], t.Doubles(MdObservablesContract.HavenRatioErr)[r]),
                V(MdObservablesContract.Conductivity, MdObservablesContract.ConductivityErr, r),
                N(MdObservablesContract.LogLogSlope, r),
                linear[r] ? "yes" : "no");
        }
        table.Write(html, "MD observables per trajectory (± standard error over the blocks; diffusive: no linearity warning from md-transport)", options.MaxTableRows);
    }

    private static void WriteArrhenius(HtmlWriter html, Table t)
    {
        var quantity = t.Strings(MdArrheniusContract.Quantity);
        var table = new HtmlTable("diffusivity", "E_a (eV)", "D0 (cm^2/s)", "D at 300 K (cm^2/s)", "temperatures");
        bool anyFit = false;
        for (int r = 0; r < t.RowCount; r++)
        {
            double ea = t.Doubles(MdArrheniusContract.Ea)[r];
            anyFit |= double.IsFinite(ea);
            table.AddRow(QuantityLabel(quantity[r]),
                Format.Measured(ea, t.Doubles(MdArrheniusContract.EaErr)[r]),
                Format.WithError(t.Doubles(MdArrheniusContract.D0)[r], t.Doubles(MdArrheniusContract.D0Err)[r]),
                Format.WithError(t.Doubles(MdArrheniusContract.D300)[r], t.Doubles(MdArrheniusContract.D300Err)[r]),
                Format.Integer(t.Longs(MdArrheniusContract.Points)[r]));
        }
        if (!anyFit)
            html.Paragraph("md-transport could not fit an Arrhenius law: it needs runs at two or more temperatures.", "note");
        table.Write(html, "md-transport's weighted fits ln D = ln D0 - E_a/(k_B T) over the runs' temperatures (± one standard error; "
                          + "D at 300 K carries the full fit covariance, so it is wide when the runs are far above 300 K)");
    }

    public static string QuantityLabel(string quantity) => quantity switch
    {
        MdArrheniusContract.TracerQuantity => "tracer D*",
        MdArrheniusContract.SigmaQuantity => "charge D_sigma",
        _ => quantity,
    };

    private static string RunLabel(Table t, int r) =>
        $"Run {Format.Integer(t.Longs(MdObservablesContract.Run)[r])} ({t.Strings(MdObservablesContract.File)[r]}, "
        + $"{Format.Number(t.Doubles(MdObservablesContract.Temperature)[r])} K)";

    /// <summary>The folder's images in <see cref="PlotOrder"/>, captioned for what md-transport draws.</summary>
    private static int WritePlots(HtmlWriter html, string folder)
    {
        int written = 0;
        foreach (var relative in PlotFolder.ImageFiles(folder, PlotOrder))
        {
            if (EmbeddedImage.FromFile(Path.Combine(folder, relative)) is not { } image) continue;
            html.Figure(image, Caption(relative));
            written++;
        }
        return written;
    }

    public static string Caption(string relativePath)
    {
        var name = Path.GetFileNameWithoutExtension(relativePath).ToLowerInvariant();
        string meaning =
            name.Contains("loglog", StringComparison.Ordinal) ? "MSD per ion against lag time per MD run, log10 on both axes: tracer MSD as lines, collective as points, the fit window between the vertical lines. Diffusive motion has slope 1 there; a flatter curve is caged or sub-diffusive, a steeper one still ballistic."
            : name.Contains("msd", StringComparison.Ordinal) ? "MSD per ion against lag time per MD run on linear axes: tracer MSD as lines, collective as points, the fit window between the vertical lines. Diffusive runs are straight there, with slope 6 D* (tracer) and 6 D_sigma (collective)."
            : name.Contains("arrhenius", StringComparison.Ordinal) ? "md-transport's Arrhenius plot: log10 D* and D_sigma against 1000/T with block errors and the weighted fits; a straight line means a single activation energy."
            : Path.GetFileNameWithoutExtension(relativePath).Replace('_', ' ').Replace('-', ' ');
        return $"{meaning} ({relativePath})";
    }
}
