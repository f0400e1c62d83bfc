using System.Globalization;
using Pipeline.Abstractions;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Observables;
using Pipeline.Transport;

namespace Pipeline.Kmc.Stage;

/// <summary>Schemas and rows of the kmc outputs (results per run, msd samples per run, summary per (x, T)).
/// Units are in the column names; jump statistics count hops by gate_tm_up (TM on the gates of the more open
/// tetrahedron: 0 means the hop has a 0-TM channel).</summary>
public static class KmcTables
{
    /// <summary>Quantities averaged over seeds in the summary (results column names).</summary>
    public static IReadOnlyList<string> Averaged { get; } =
    [
        "d_tracer_cm2_s", "d_jump_cm2_s", "haven_ratio", "conductivity_s_cm", "correlation_factor",
        "fraction_0tm_hops", "mean_barrier_ev", "li_fraction_spanning", "mean_jumps_per_li",
    ];

    private static TableBuilder ResultSchema() => new TableBuilder()
        .Add("x", ColumnType.Float64).Add("x_actual", ColumnType.Float64).Add("temperature", ColumnType.Float64)
        .Add("seed", ColumnType.Int64).Add("run_seed", ColumnType.String).Add("size", ColumnType.Int64)
        .Add("cation_sites", ColumnType.Int64).Add("li", ColumnType.Int64).Add("v", ColumnType.Int64).Add("vacancies", ColumnType.Int64)
        .Add("events", ColumnType.Int64).Add("time_s", ColumnType.Float64).Add("jumps", ColumnType.Int64)
        .Add("mean_jumps_per_li", ColumnType.Float64)
        .Add("d_tracer_cm2_s", ColumnType.Float64).Add("d_jump_cm2_s", ColumnType.Float64).Add("haven_ratio", ColumnType.Float64)
        .Add("conductivity_s_cm", ColumnType.Float64).Add("correlation_factor", ColumnType.Float64)
        .Add("jumps_gate_tm_up_0", ColumnType.Int64).Add("jumps_gate_tm_up_1", ColumnType.Int64).Add("jumps_gate_tm_up_2", ColumnType.Int64)
        .Add("fraction_0tm_hops", ColumnType.Float64).Add("mean_barrier_ev", ColumnType.Float64)
        .Add("percolating", ColumnType.Bool).Add("li_fraction_spanning", ColumnType.Float64)
        .Add("energy_start_ev_per_fu", ColumnType.Float64).Add("energy_end_ev_per_fu", ColumnType.Float64);

    private static TableBuilder MsdSchema() => new TableBuilder()
        .Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64).Add("seed", ColumnType.Int64)
        .Add("sample", ColumnType.Int64).Add("events", ColumnType.Int64).Add("time_s", ColumnType.Float64)
        .Add("msd_tracer_a2", ColumnType.Float64).Add("msd_collective_a2", ColumnType.Float64)
        .Add("mean_jumps_per_li", ColumnType.Float64);

    public static Table EmptyResults => ResultSchema().Build();
    public static Table EmptyMsd => MsdSchema().Build();

    public static Table ResultRow(KmcRunSummary r)
    {
        var b = ResultSchema();
        var e = r.Estimate;
        var c = r.Composition;
        b.AddRow(r.Item.X, c.ActualX, r.Item.Temperature, r.Item.Seed, r.RunSeed.ToString("x16", CultureInfo.InvariantCulture),
            (long)r.Size, (long)c.CationSites, (long)c.MobileIons, (long)c.OtherCations, (long)c.Vacancies,
            e.Steps, e.Time, e.Jumps, r.Ions == 0 ? 0.0 : (double)e.Jumps / r.Ions,
            e.TracerD, e.JumpD, e.HavenRatio, e.Conductivity, e.CorrelationFactor,
            r.Jumps.ByGateTmUp[0], r.Jumps.ByGateTmUp[1], r.Jumps.ByGateTmUp[2], r.Jumps.ZeroTmFraction, r.Jumps.MeanBarrier,
            r.Percolation.Percolates, r.Percolation.LiFractionSpanning,
            r.StartEnergyPerFormulaUnit, r.EndEnergyPerFormulaUnit);
        return b.Build();
    }

    /// <summary>MSD samples of one run: tracer sum |dr_i|^2 / N and collective |sum dr_i|^2 / N, in Angstrom^2.</summary>
    public static Table MsdRows(KmcWorkItem item, IReadOnlyList<TrajectorySample> trajectory, int ions, double latticeConstant)
    {
        var b = MsdSchema();
        double unit2 = latticeConstant * latticeConstant / 4;
        var s0 = trajectory[0];
        for (int k = 0; k < trajectory.Count; k++)
        {
            var s = trajectory[k];
            double cx = s.CollectiveX - s0.CollectiveX, cy = s.CollectiveY - s0.CollectiveY, cz = s.CollectiveZ - s0.CollectiveZ;
            double n = Math.Max(ions, 1);
            b.AddRow(item.X, item.Temperature, item.Seed, (long)k, s.Steps - s0.Steps, s.Time - s0.Time,
                (s.SumSquared - s0.SumSquared) * unit2 / n, (cx * cx + cy * cy + cz * cz) * unit2 / n, (s.Jumps - s0.Jumps) / n);
        }
        return b.Build();
    }

    /// <summary>Per (x, T): mean and standard error over seeds of every <see cref="Averaged"/> column, the fraction
    /// of runs whose start percolates, and per x the Arrhenius fits of D* and D_J over T (repeated on each row of x).
    /// Computed from the results table alone, so separately run items can be assembled.</summary>
    public static Table Summary(Table results)
    {
        var xs = results.Doubles("x");
        var ts = results.Doubles("temperature");
        var percolating = results.Bools("percolating");
        var groups = Enumerable.Range(0, results.RowCount)
            .GroupBy(i => (X: xs[i], T: ts[i]))
            .OrderBy(g => g.Key.X).ThenBy(g => g.Key.T)
            .ToList();

        var b = new TableBuilder().Add("x", ColumnType.Float64).Add("temperature", ColumnType.Float64).Add("runs", ColumnType.Int64);
        foreach (var name in Averaged) b.Add(name + "_mean", ColumnType.Float64).Add(name + "_stderr", ColumnType.Float64);
        b.Add("percolating_fraction", ColumnType.Float64);
        foreach (var d in new[] { "tracer", "jump" })
            b.Add($"arrhenius_ea_{d}_ev", ColumnType.Float64).Add($"arrhenius_ea_{d}_err_ev", ColumnType.Float64)
             .Add($"arrhenius_d0_{d}_cm2_s", ColumnType.Float64).Add($"arrhenius_d0_{d}_err_cm2_s", ColumnType.Float64);
        b.Add("arrhenius_points", ColumnType.Int64);

        var stats = groups.ToDictionary(g => g.Key, g => Averaged.ToDictionary(n => n,
            n => MeanWithError.Of(g.Select(i => results.Doubles(n)[i]))));
        var fits = groups.Select(g => g.Key.X).Distinct().ToDictionary(x => x, x =>
        {
            var keys = groups.Select(g => g.Key).Where(k => k.X == x).ToList();
            var temps = keys.Select(k => k.T).ToArray();
            ArrheniusFit Fit(string column) => ArrheniusFit.Fit(temps,
                keys.Select(k => stats[k][column].Mean).ToArray(), keys.Select(k => stats[k][column].StandardError).ToArray());
            return (Tracer: Fit("d_tracer_cm2_s"), Jump: Fit("d_jump_cm2_s"));
        });

        foreach (var g in groups)
        {
            var row = new List<object> { g.Key.X, g.Key.T, (long)g.Count() };
            foreach (var name in Averaged) { var m = stats[g.Key][name]; row.Add(m.Mean); row.Add(m.StandardError); }
            row.Add(g.Count(i => percolating[i]) / (double)g.Count());
            var (tracer, jump) = fits[g.Key.X];
            foreach (var f in new[] { tracer, jump })
            {
                row.Add(f.ActivationEnergy); row.Add(f.ActivationEnergyError); row.Add(f.Prefactor); row.Add(f.PrefactorError);
            }
            row.Add((long)tracer.Points);
            b.AddRow(row.ToArray());
        }
        return b.Build();
    }
}
