using Pipeline.Abstractions;

namespace Pipeline.ClusterExpansion.Stage;

/// <summary>The <c>ce_metrics</c> table of the ce-fit stage: one long table with three kinds of rows.
/// <list type="bullet">
/// <item><c>section = "metric"</c>: <c>name</c>, <c>value</c> (units in the name: mev_per_site is meV per cation
/// site, i.e. per primitive rock-salt cell, 3 per formula unit; mev_per_fu per Li(2-x)VO2F). Always: n_structures,
/// n_skipped, n_functions, n_nonzero, alpha, cv_rmse_mev_per_site, cv_rmse_mev_per_fu, train_rmse_mev_per_site,
/// lattice_constant (Angstrom), max_mapping_deviation (Angstrom), not_converged, j0 (eV per cell). With truth:
/// truth_fit_train_rmse_mev_per_site (fit vs truth on the training configurations),
/// truth_dft_train_rmse_mev_per_site (DFT vs truth: the noise), truth_random_rmse_mev_per_site and
/// truth_random_mean_diff_mev_per_site (fit - truth on fresh random configurations), truth_random_samples,
/// truth_eci_rmse_mev (fitted vs truth ECIs of clusters with 2 or more sites, when the truth fits the cluster
/// space; point ECIs are left out because with few training compositions they are confounded with J0).</item>
/// <item><c>section = "eci"</c>: one row per correlation function: <c>name</c> = label, <c>value</c> = fitted
/// ECI (eV per cluster), <c>truth</c> = truth ECI (NaN without truth), <c>orbit</c>, <c>order</c>,
/// <c>multiplicity</c> (per primitive cell), <c>diameter</c> (units of a), <c>sublattices</c> (e.g. "cca"),
/// <c>decoration</c> (basis functions, e.g. "1,2,1").</item>
/// <item><c>section = "structure"</c>: one row per training structure: <c>name</c> = calc_id, <c>value</c> =
/// DFT energy, <c>fitted</c> = CE energy, <c>truth</c> = truth energy (NaN without truth), all eV per formula unit.</item>
/// </list>
/// Columns not used by a row hold NaN, -1 or "".</summary>
public static class CeMetricsTable
{
    public static Table Build(IReadOnlyList<(string Name, double Value)> metrics, CeModel model, CeModel? truthModel,
        IReadOnlyList<TrainingStructure> training, EciFitResult fit, double[]? trainingTruth)
    {
        var b = new TableBuilder()
            .Add("section", ColumnType.String).Add("name", ColumnType.String).Add("value", ColumnType.Float64)
            .Add("fitted", ColumnType.Float64).Add("truth", ColumnType.Float64)
            .Add("orbit", ColumnType.Int64).Add("order", ColumnType.Int64).Add("multiplicity", ColumnType.Int64)
            .Add("diameter", ColumnType.Float64).Add("sublattices", ColumnType.String).Add("decoration", ColumnType.String);
        foreach (var (name, value) in metrics)
            b.AddRow("metric", name, value, double.NaN, double.NaN, -1L, 0L, 0L, double.NaN, "", "");
        var space = model.Space;
        foreach (var f in space.Functions)
        {
            var orbit = space.Orbits[f.OrbitIndex];
            b.AddRow("eci", f.Label, model.Ecis[f.Index], double.NaN, truthModel?.Ecis[f.Index] ?? double.NaN,
                (long)f.OrbitIndex, (long)orbit.Order, (long)orbit.Multiplicity, orbit.Diameter, orbit.SublatticeLabel,
                orbit.Decorations[f.DecorationIndex].Label);
        }
        for (int i = 0; i < training.Count; i++)
            b.AddRow("structure", training[i].CalcId, training[i].EnergyPerFormulaUnit, fit.Fitted[i],
                trainingTruth?[i] ?? double.NaN, -1L, 0L, 0L, double.NaN, "", "");
        return b.Build();
    }
}
