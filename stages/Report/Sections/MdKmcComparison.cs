using Pipeline.Abstractions;
using Pipeline.Contracts;
using Pipeline.Report.Html;
using Pipeline.Transport;

namespace Pipeline.Report.Sections;

/// <summary>The kMC's Arrhenius fit of D* per composition next to md-transport's: activation energies with their
/// errors and D* at 300 K from each, with the differences in units of their combined standard error.</summary>
internal static class MdKmcComparison
{
    public const double ReferenceTemperature = 300.0;

    /// <summary>One side's E_a and D*(300 K) with standard errors (NaN when that side has no fit).</summary>
    public readonly record struct Side(double Ea, double EaErr, double D300, double D300Err);

    public static void Write(HtmlWriter html, Table kmcSummary, Table mdArrhenius)
    {
        var md = Md(mdArrhenius);
        var table = new HtmlTable("kMC x", "E_a kMC (eV)", "E_a MD (eV)", "E_a kMC - MD (eV)", "|E_a difference| / combined error",
            "D*(300 K) kMC (cm^2/s)", "D*(300 K) MD (cm^2/s)", "D*(300 K) kMC / MD", "|ln ratio| / combined error");
        foreach (var (x, kmc) in Kmc(kmcSummary))
        {
            double dEa = kmc.Ea - md.Ea, dEaErr = Hypot(kmc.EaErr, md.EaErr);
            double ratio = kmc.D300 / md.D300;
            double lnRatioErr = Hypot(kmc.D300Err / kmc.D300, md.D300Err / md.D300);
            table.AddRow(Format.Number(x), Format.Measured(kmc.Ea, kmc.EaErr), Format.Measured(md.Ea, md.EaErr),
                Format.Measured(dEa, dEaErr), Format.Number(Math.Abs(dEa) / dEaErr),
                Format.WithError(kmc.D300, kmc.D300Err), Format.WithError(md.D300, md.D300Err),
                Format.Number(ratio), Format.Number(Math.Abs(Math.Log(ratio)) / lnRatioErr));
        }
        if (table.RowCount == 0)
        {
            html.Paragraph("The kMC summary has no rows to compare.", "note");
            return;
        }
        table.Write(html, "Activation energy of the tracer diffusivity D* and D* at 300 K: the kmc stage's Arrhenius fit per composition against md-transport's (± one standard error)");
        html.Paragraph("How to read this: both sides fit ln D* = ln D0 - E_a/(k_B T) with the same code (lib/Transport), so a difference is physics or "
                       + "statistics, not method. A difference within about two combined standard errors is agreement. A larger one in E_a points at the kMC's "
                       + "barriers (barrier model and cluster expansion on a lattice with nearest-neighbour hops, where MD samples the potential itself, "
                       + "correlated and longer hops included), at a composition mismatch (the MD cell has one Li content: compare it with the kMC row of the "
                       + "nearest x), or at MD runs too short to be diffusive (see the warnings above). D*(300 K) is extrapolated far below the temperatures run: "
                       + "0.1 eV of E_a is a factor of about 50 there, so compare E_a first. The kMC's D*(300 K) is D0 exp(-E_a/k_B T) from its fit, its error "
                       + "propagated from the errors of D0 and E_a taken as independent (the kmc summary holds no covariance), an upper bound; MD's carries "
                       + "its fit's full covariance.", "note");
    }

    /// <summary>md-transport's fit of D* (the d_tracer row).</summary>
    public static Side Md(Table arrhenius)
    {
        var quantity = arrhenius.Strings(MdArrheniusContract.Quantity);
        int r = Array.IndexOf(quantity, MdArrheniusContract.TracerQuantity);
        if (r < 0) return new Side(double.NaN, double.NaN, double.NaN, double.NaN);
        return new Side(arrhenius.Doubles(MdArrheniusContract.Ea)[r], arrhenius.Doubles(MdArrheniusContract.EaErr)[r],
            arrhenius.Doubles(MdArrheniusContract.D300)[r], arrhenius.Doubles(MdArrheniusContract.D300Err)[r]);
    }

    /// <summary>The kmc stage's fit of D* per composition (repeated on each temperature's row of the summary; the first
    /// row with a fit is taken), extrapolated to 300 K.</summary>
    public static IEnumerable<(double X, Side Fit)> Kmc(Table summary)
    {
        var xs = summary.Doubles(KmcSummaryContract.X);
        var ea = summary.Doubles(KmcSummaryContract.EaTracer);
        var eaErr = summary.Doubles(KmcSummaryContract.EaTracerErr);
        var d0 = summary.Doubles(KmcSummaryContract.D0Tracer);
        var d0Err = summary.Doubles(KmcSummaryContract.D0TracerErr);
        foreach (var x in xs.Distinct().Order())
        {
            var rows = Enumerable.Range(0, xs.Length).Where(i => xs[i] == x).ToArray();
            int r = rows.FirstOrDefault(i => double.IsFinite(ea[i]), rows[0]);
            double u = 1.0 / (TransportUnits.Boltzmann * ReferenceTemperature);
            double d300 = d0[r] * Math.Exp(-ea[r] * u);
            double lnErr = Hypot(d0Err[r] / d0[r], eaErr[r] * u);
            yield return (x, new Side(ea[r], eaErr[r], d300, d300 * lnErr));
        }
    }

    private static double Hypot(double a, double b) => Math.Sqrt(a * a + b * b);
}
