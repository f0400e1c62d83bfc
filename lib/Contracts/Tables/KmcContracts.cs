using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>The results table of kmc: one row per (x, T, seed) run.</summary>
public static class KmcResultsContract
{
    public const string Artifact = "results";

    public const string X = "x";
    public const string XActual = "x_actual";
    public const string Temperature = "temperature";
    public const string Seed = "seed";
    public const string RunSeed = "run_seed";
    public const string Size = "size";
    public const string CationSites = "cation_sites";
    public const string Li = "li";
    public const string V = "v";
    public const string Vacancies = "vacancies";
    public const string Events = "events";
    public const string TimeS = "time_s";
    public const string Jumps = "jumps";
    public const string MeanJumpsPerLi = "mean_jumps_per_li";
    public const string DTracer = "d_tracer_cm2_s";
    public const string DJump = "d_jump_cm2_s";
    public const string HavenRatio = "haven_ratio";
    public const string Conductivity = "conductivity_s_cm";
    public const string CorrelationFactor = "correlation_factor";
    public const string JumpsGateTmUp0 = "jumps_gate_tm_up_0";
    public const string JumpsGateTmUp1 = "jumps_gate_tm_up_1";
    public const string JumpsGateTmUp2 = "jumps_gate_tm_up_2";
    public const string Fraction0TmHops = "fraction_0tm_hops";
    public const string MeanBarrier = "mean_barrier_ev";
    public const string Percolating = "percolating";
    public const string LiFractionSpanning = "li_fraction_spanning";
    public const string EnergyStart = "energy_start_ev_per_fu";
    public const string EnergyEnd = "energy_end_ev_per_fu";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(X, ColumnType.Float64, "1", "requested x"),
        new(XActual, ColumnType.Float64, "1", "x realised in the cell"),
        new(Temperature, ColumnType.Float64, "K", "temperature"),
        new(Seed, ColumnType.Int64, "", "seed index"),
        new(RunSeed, ColumnType.String, "", "derived 64-bit seed of the run (hex)"),
        new(Size, ColumnType.Int64, "", "supercell edge in conventional cells"),
        new(CationSites, ColumnType.Int64, "", "cation sites"),
        new(Li, ColumnType.Int64, "", "Li ions"),
        new(V, ColumnType.Int64, "", "V ions"),
        new(Vacancies, ColumnType.Int64, "", "vacant cation sites"),
        new(Events, ColumnType.Int64, "", "kMC events executed"),
        new(TimeS, ColumnType.Float64, "s", "simulated time"),
        new(Jumps, ColumnType.Int64, "", "Li jumps"),
        new(MeanJumpsPerLi, ColumnType.Float64, "1", "jumps per Li"),
        new(DTracer, ColumnType.Float64, "cm^2/s", "tracer diffusivity D*"),
        new(DJump, ColumnType.Float64, "cm^2/s", "jump (collective) diffusivity D_J"),
        new(HavenRatio, ColumnType.Float64, "1", "D*/D_J"),
        new(Conductivity, ColumnType.Float64, "S/cm", "Nernst-Einstein conductivity"),
        new(CorrelationFactor, ColumnType.Float64, "1", "tracer correlation factor f"),
        new(JumpsGateTmUp0, ColumnType.Int64, "", "jumps with 0 TM on the gates of the up tetrahedron"),
        new(JumpsGateTmUp1, ColumnType.Int64, "", "jumps with 1 TM on those gates"),
        new(JumpsGateTmUp2, ColumnType.Int64, "", "jumps with 2 TM on those gates"),
        new(Fraction0TmHops, ColumnType.Float64, "1", "fraction of jumps through a 0-TM channel"),
        new(MeanBarrier, ColumnType.Float64, "eV", "mean barrier of the executed jumps"),
        new(Percolating, ColumnType.Bool, "", "the 0-TM network wraps the cell"),
        new(LiFractionSpanning, ColumnType.Float64, "1", "fraction of Li in wrapping 0-TM clusters"),
        new(EnergyStart, ColumnType.Float64, "eV", "CE energy per formula unit at the start"),
        new(EnergyEnd, ColumnType.Float64, "eV", "CE energy per formula unit at the end"),
    ]);
}

/// <summary>The msd table of kmc: tracer and collective MSD samples of every run.</summary>
public static class KmcMsdContract
{
    public const string Artifact = "msd";

    public const string X = "x";
    public const string Temperature = "temperature";
    public const string Seed = "seed";
    public const string Sample = "sample";
    public const string Events = "events";
    public const string TimeS = "time_s";
    public const string MsdTracer = "msd_tracer_a2";
    public const string MsdCollective = "msd_collective_a2";
    public const string MeanJumpsPerLi = "mean_jumps_per_li";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(X, ColumnType.Float64, "1", "requested x"),
        new(Temperature, ColumnType.Float64, "K", "temperature"),
        new(Seed, ColumnType.Int64, "", "seed index"),
        new(Sample, ColumnType.Int64, "", "sample index"),
        new(Events, ColumnType.Int64, "", "events executed"),
        new(TimeS, ColumnType.Float64, "s", "simulated time"),
        new(MsdTracer, ColumnType.Float64, "Angstrom^2", "tracer mean square displacement per Li"),
        new(MsdCollective, ColumnType.Float64, "Angstrom^2", "collective mean square displacement per Li"),
        new(MeanJumpsPerLi, ColumnType.Float64, "1", "jumps per Li"),
    ]);
}

/// <summary>The summary table of kmc: one row per (x, T), means and standard errors over seeds, and the Arrhenius fit per x.</summary>
public static class KmcSummaryContract
{
    public const string Artifact = "summary";

    public const string X = "x";
    public const string Temperature = "temperature";
    public const string Runs = "runs";
    public const string PercolatingFraction = "percolating_fraction";
    public const string EaTracer = "arrhenius_ea_tracer_ev";
    public const string EaTracerErr = "arrhenius_ea_tracer_err_ev";
    public const string D0Tracer = "arrhenius_d0_tracer_cm2_s";
    public const string D0TracerErr = "arrhenius_d0_tracer_err_cm2_s";
    public const string EaJump = "arrhenius_ea_jump_ev";
    public const string EaJumpErr = "arrhenius_ea_jump_err_ev";
    public const string D0Jump = "arrhenius_d0_jump_cm2_s";
    public const string D0JumpErr = "arrhenius_d0_jump_err_cm2_s";
    public const string ArrheniusPoints = "arrhenius_points";

    /// <summary>Results columns averaged over seeds; the summary holds NAME_mean and NAME_stderr for each.</summary>
    public static IReadOnlyList<string> Averaged { get; } =
    [
        KmcResultsContract.DTracer, KmcResultsContract.DJump, KmcResultsContract.HavenRatio, KmcResultsContract.Conductivity,
        KmcResultsContract.CorrelationFactor, KmcResultsContract.Fraction0TmHops, KmcResultsContract.MeanBarrier,
        KmcResultsContract.LiFractionSpanning, KmcResultsContract.MeanJumpsPerLi,
    ];

    public static string Mean(string averaged) => averaged + "_mean";

    public static string StdErr(string averaged) => averaged + "_stderr";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(X, ColumnType.Float64, "1", "requested x"),
        new(Temperature, ColumnType.Float64, "K", "temperature"),
        new(Runs, ColumnType.Int64, "", "seeds"),
        .. Averaged.SelectMany(name => new ColumnSpec[]
        {
            new(Mean(name), ColumnType.Float64, KmcResultsContract.Schema.UnitOf(name)!, "mean over seeds of results." + name),
            new(StdErr(name), ColumnType.Float64, KmcResultsContract.Schema.UnitOf(name)!, "standard error over seeds of results." + name),
        }),
        new(PercolatingFraction, ColumnType.Float64, "1", "fraction of runs whose 0-TM network wraps"),
        new(EaTracer, ColumnType.Float64, "eV", "activation energy of D*"),
        new(EaTracerErr, ColumnType.Float64, "eV", "its standard error"),
        new(D0Tracer, ColumnType.Float64, "cm^2/s", "prefactor of D*"),
        new(D0TracerErr, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(EaJump, ColumnType.Float64, "eV", "activation energy of D_J"),
        new(EaJumpErr, ColumnType.Float64, "eV", "its standard error"),
        new(D0Jump, ColumnType.Float64, "cm^2/s", "prefactor of D_J"),
        new(D0JumpErr, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(ArrheniusPoints, ColumnType.Int64, "", "temperatures in the fit"),
    ]);
}
