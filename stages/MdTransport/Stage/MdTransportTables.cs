using Pipeline.Abstractions;
using Pipeline.Trajectories.Analysis;
using Pipeline.Transport;

namespace Pipeline.MdTransport.Stage;

/// <summary>The md-transport tables. Units in the column names: A (Angstrom), ps, K, cm^2/s, S/cm, eV. Errors are
/// standard errors from block averaging (MSD) or from the fit covariance (Arrhenius).</summary>
public static class MdTransportTables
{
    public static Table Msd(IReadOnlyList<MdTransportResult> runs)
    {
        var b = new TableBuilder()
            .Add("run", ColumnType.Int64).Add("file", ColumnType.String).Add("temperature_k", ColumnType.Float64)
            .Add("lag_frames", ColumnType.Int64).Add("time_ps", ColumnType.Float64)
            .Add("msd_tracer_a2", ColumnType.Float64).Add("msd_collective_a2", ColumnType.Float64).Add("msd_distinct_a2", ColumnType.Float64)
            .Add("origins", ColumnType.Int64).Add("in_fit_window", ColumnType.Bool);
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var m = run.Msd;
            var lags = run.Msd.LagTimes;
            for (int k = 0; k < m.Count; k++)
                b.AddRow((long)r, run.File, run.Temperature, (long)Math.Round(lags[k] / run.FrameTimePs), lags[k],
                    m.Tracer[k], m.Collective[k], m.Distinct(k), m.Origins[k], run.Transport.Window.Contains(lags[k]));
        }
        return b.Build();
    }

    public static Table Observables(IReadOnlyList<MdTransportResult> runs)
    {
        var b = new TableBuilder()
            .Add("run", ColumnType.Int64).Add("file", ColumnType.String).Add("temperature_k", ColumnType.Float64)
            .Add("frames", ColumnType.Int64).Add("atoms", ColumnType.Int64).Add("ions", ColumnType.Int64)
            .Add("time_step_fs", ColumnType.Float64).Add("steps_per_frame", ColumnType.Int64).Add("frame_time_ps", ColumnType.Float64)
            .Add("volume_a3", ColumnType.Float64).Add("blocks", ColumnType.Int64).Add("origin_stride", ColumnType.Int64)
            .Add("max_lag_frames", ColumnType.Int64).Add("fit_start_ps", ColumnType.Float64).Add("fit_end_ps", ColumnType.Float64)
            .Add("fit_window_from_rule", ColumnType.Bool).Add("fit_points", ColumnType.Int64)
            .Add("d_tracer_cm2_s", ColumnType.Float64).Add("d_tracer_err_cm2_s", ColumnType.Float64)
            .Add("d_sigma_cm2_s", ColumnType.Float64).Add("d_sigma_err_cm2_s", ColumnType.Float64)
            .Add("d_distinct_cm2_s", ColumnType.Float64).Add("d_distinct_err_cm2_s", ColumnType.Float64)
            .Add("haven_ratio", ColumnType.Float64).Add("haven_ratio_err", ColumnType.Float64)
            .Add("conductivity_s_cm", ColumnType.Float64).Add("conductivity_err_s_cm", ColumnType.Float64)
            .Add("correlation_factor", ColumnType.Float64)
            .Add("msd_intercept_a2", ColumnType.Float64).Add("loglog_slope", ColumnType.Float64).Add("linear", ColumnType.Bool);
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            var t = run.Transport;
            b.AddRow((long)r, run.File, run.Temperature, run.Frames, (long)run.Atoms, (long)run.Ions,
                run.TimeStepFs, (long)run.StepsPerFrame, run.FrameTimePs, run.MeanVolume, (long)t.Blocks, (long)run.OriginStride,
                (long)run.MaxLag, t.Window.Start, t.Window.End, t.Window.FromRule, (long)t.TracerFit.Points,
                t.Tracer.Value, t.Tracer.Error, t.Collective.Value, t.Collective.Error, t.Distinct.Value, t.Distinct.Error,
                t.Haven.Value, t.Haven.Error, t.Conductivity.Value, t.Conductivity.Error,
                // f needs a jump count and length: defined for lattice models (the kMC), not for continuous MD.
                double.NaN,
                t.TracerFit.Intercept, t.TracerFit.LogLogSlope, run.Warnings.Count == 0);
        }
        return b.Build();
    }

    /// <summary>Arrhenius fits of D* and D_sigma over the runs' temperatures (weighted by the block errors), with
    /// the extrapolation to 300 K. NaN (points &lt; 2 or one temperature) when there is nothing to fit.</summary>
    public static Table Arrhenius(IReadOnlyList<MdTransportResult> runs)
    {
        var b = new TableBuilder()
            .Add("quantity", ColumnType.String).Add("ea_ev", ColumnType.Float64).Add("ea_err_ev", ColumnType.Float64)
            .Add("d0_cm2_s", ColumnType.Float64).Add("d0_err_cm2_s", ColumnType.Float64)
            .Add("d_300k_cm2_s", ColumnType.Float64).Add("d_300k_err_cm2_s", ColumnType.Float64).Add("points", ColumnType.Int64);
        foreach (var (name, pick) in Quantities)
        {
            var fit = Fit(runs, pick);
            var (d300, d300Error) = fit.Extrapolate(300);
            b.AddRow(name, fit.ActivationEnergy, fit.ActivationEnergyError, fit.Prefactor, fit.PrefactorError, d300, d300Error, (long)fit.Points);
        }
        return b.Build();
    }

    public static IReadOnlyList<(string Name, Func<MdTransportResult, Pipeline.Transport.Msd.MeasuredValue> Pick)> Quantities { get; } =
    [
        (Pipeline.Contracts.MdArrheniusContract.TracerQuantity, r => r.Transport.Tracer),
        (Pipeline.Contracts.MdArrheniusContract.SigmaQuantity, r => r.Transport.Collective),
    ];

    public static ArrheniusFit Fit(IReadOnlyList<MdTransportResult> runs, Func<MdTransportResult, Pipeline.Transport.Msd.MeasuredValue> pick)
        => ArrheniusFit.Fit(runs.Select(r => r.Temperature).ToArray(), runs.Select(r => pick(r).Value).ToArray(),
            runs.Select(r => pick(r).Error).ToArray());
}
