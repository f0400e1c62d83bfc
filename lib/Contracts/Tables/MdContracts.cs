using Pipeline.Abstractions;

namespace Pipeline.Contracts;

/// <summary>The observables table of md-transport: one row per trajectory (run), block-averaged errors.</summary>
public static class MdObservablesContract
{
    public const string Artifact = "md_observables";

    public const string Run = "run";
    public const string File = "file";
    public const string Temperature = "temperature_k";
    public const string Frames = "frames";
    public const string Atoms = "atoms";
    public const string Ions = "ions";
    public const string TimeStep = "time_step_fs";
    public const string StepsPerFrame = "steps_per_frame";
    public const string FrameTime = "frame_time_ps";
    public const string Volume = "volume_a3";
    public const string Blocks = "blocks";
    public const string OriginStride = "origin_stride";
    public const string MaxLag = "max_lag_frames";
    public const string FitStart = "fit_start_ps";
    public const string FitEnd = "fit_end_ps";
    public const string FitWindowFromRule = "fit_window_from_rule";
    public const string FitPoints = "fit_points";
    public const string DTracer = "d_tracer_cm2_s";
    public const string DTracerErr = "d_tracer_err_cm2_s";
    public const string DSigma = "d_sigma_cm2_s";
    public const string DSigmaErr = "d_sigma_err_cm2_s";
    public const string DDistinct = "d_distinct_cm2_s";
    public const string DDistinctErr = "d_distinct_err_cm2_s";
    public const string HavenRatio = "haven_ratio";
    public const string HavenRatioErr = "haven_ratio_err";
    public const string Conductivity = "conductivity_s_cm";
    public const string ConductivityErr = "conductivity_err_s_cm";
    public const string CorrelationFactor = "correlation_factor";
    public const string MsdIntercept = "msd_intercept_a2";
    public const string LogLogSlope = "loglog_slope";
    public const string Linear = "linear";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Run, ColumnType.Int64, "", "run index (trajectory files in name order)"),
        new(File, ColumnType.String, "", "trajectory file, relative to the input folder"),
        new(Temperature, ColumnType.Float64, "K", "temperature"),
        new(Frames, ColumnType.Int64, "", "frames read"),
        new(Atoms, ColumnType.Int64, "", "atoms per frame"),
        new(Ions, ColumnType.Int64, "", "mobile ions analysed"),
        new(TimeStep, ColumnType.Float64, "fs", "MD time step"),
        new(StepsPerFrame, ColumnType.Int64, "", "MD steps between frames"),
        new(FrameTime, ColumnType.Float64, "ps", "time between frames"),
        new(Volume, ColumnType.Float64, "Angstrom^3", "mean cell volume"),
        new(Blocks, ColumnType.Int64, "", "blocks for the error bars"),
        new(OriginStride, ColumnType.Int64, "", "frames between time origins"),
        new(MaxLag, ColumnType.Int64, "", "longest lag"),
        new(FitStart, ColumnType.Float64, "ps", "start of the diffusive fit window"),
        new(FitEnd, ColumnType.Float64, "ps", "end of the diffusive fit window"),
        new(FitWindowFromRule, ColumnType.Bool, "", "window chosen by the stated rule (not given)"),
        new(FitPoints, ColumnType.Int64, "", "MSD points in the fit window"),
        new(DTracer, ColumnType.Float64, "cm^2/s", "tracer diffusivity D*"),
        new(DTracerErr, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(DSigma, ColumnType.Float64, "cm^2/s", "charge (collective) diffusivity D_sigma"),
        new(DSigmaErr, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(DDistinct, ColumnType.Float64, "cm^2/s", "distinct part D_sigma - D*"),
        new(DDistinctErr, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(HavenRatio, ColumnType.Float64, "1", "D*/D_sigma"),
        new(HavenRatioErr, ColumnType.Float64, "1", "its standard error"),
        new(Conductivity, ColumnType.Float64, "S/cm", "Nernst-Einstein conductivity from D_sigma"),
        new(ConductivityErr, ColumnType.Float64, "S/cm", "its standard error"),
        new(CorrelationFactor, ColumnType.Float64, "1", "NaN for MD (needs jump counts)"),
        new(MsdIntercept, ColumnType.Float64, "Angstrom^2", "intercept of the tracer MSD fit"),
        new(LogLogSlope, ColumnType.Float64, "1", "log-log slope of the tracer MSD in the window (1 when diffusive)"),
        new(Linear, ColumnType.Bool, "", "no linearity warning for this run"),
    ]);
}

/// <summary>The arrhenius table of md-transport: Arrhenius fits of D* and D_sigma over the runs' temperatures.</summary>
public static class MdArrheniusContract
{
    public const string Artifact = "md_arrhenius";

    public const string Quantity = "quantity";
    public const string Ea = "ea_ev";
    public const string EaErr = "ea_err_ev";
    public const string D0 = "d0_cm2_s";
    public const string D0Err = "d0_err_cm2_s";
    public const string D300 = "d_300k_cm2_s";
    public const string D300Err = "d_300k_err_cm2_s";
    public const string Points = "points";

    /// <summary>Values of <see cref="Quantity"/>.</summary>
    public const string TracerQuantity = "d_tracer";
    public const string SigmaQuantity = "d_sigma";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Quantity, ColumnType.String, "", "d_tracer or d_sigma"),
        new(Ea, ColumnType.Float64, "eV", "activation energy"),
        new(EaErr, ColumnType.Float64, "eV", "its standard error"),
        new(D0, ColumnType.Float64, "cm^2/s", "prefactor"),
        new(D0Err, ColumnType.Float64, "cm^2/s", "its standard error"),
        new(D300, ColumnType.Float64, "cm^2/s", "extrapolated to 300 K"),
        new(D300Err, ColumnType.Float64, "cm^2/s", "its standard error (full fit covariance)"),
        new(Points, ColumnType.Int64, "", "temperatures in the fit"),
    ]);
}

/// <summary>The msd table of md-transport: MSD per ion against lag time, per run.</summary>
public static class MdMsdContract
{
    public const string Artifact = "md_msd";

    public const string Run = "run";
    public const string File = "file";
    public const string Temperature = "temperature_k";
    public const string LagFrames = "lag_frames";
    public const string Time = "time_ps";
    public const string MsdTracer = "msd_tracer_a2";
    public const string MsdCollective = "msd_collective_a2";
    public const string MsdDistinct = "msd_distinct_a2";
    public const string Origins = "origins";
    public const string InFitWindow = "in_fit_window";

    public static TableSchema Schema { get; } = new(Artifact, 1,
    [
        new(Run, ColumnType.Int64, "", "run index"),
        new(File, ColumnType.String, "", "trajectory file"),
        new(Temperature, ColumnType.Float64, "K", "temperature"),
        new(LagFrames, ColumnType.Int64, "", "lag in frames"),
        new(Time, ColumnType.Float64, "ps", "lag time"),
        new(MsdTracer, ColumnType.Float64, "Angstrom^2", "tracer MSD per ion (self part)"),
        new(MsdCollective, ColumnType.Float64, "Angstrom^2", "collective MSD per ion (self + distinct)"),
        new(MsdDistinct, ColumnType.Float64, "Angstrom^2", "distinct part per ion"),
        new(Origins, ColumnType.Int64, "", "time origins averaged"),
        new(InFitWindow, ColumnType.Bool, "", "inside the diffusive fit window"),
    ]);
}
