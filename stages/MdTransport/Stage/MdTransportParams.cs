using Pipeline.Abstractions;
using Pipeline.Trajectories.Analysis;

namespace Pipeline.MdTransport.Stage;

/// <summary>The md-transport params and their translation into analysis options.</summary>
public static class MdTransportParams
{
    public static IReadOnlyList<ParamSpec> Specs { get; } =
    [
        ParamSpec.String("species", "element of the mobile ions", "Li"),
        ParamSpec.Float("charge", "charge of a mobile ion in e (Nernst-Einstein conductivity)", 1.0),
        ParamSpec.Float("time_step_fs", "MD time step in fs; 0 = from the files (INCAR POTIM beside an XDATCAR, extended XYZ time_step_fs)", 0.0, min: 0),
        ParamSpec.Int("steps_per_frame", "MD steps between stored frames; 0 = INCAR NBLOCK beside an XDATCAR, else 1", 0, min: 0),
        ParamSpec.FloatList("temperatures", "K, one per trajectory in path order; empty = from the files (INCAR TEBEG, extended XYZ temperature)", [], min: 1),
        ParamSpec.Int("skip_frames", "frames dropped at the start of every trajectory (equilibration)", 0, min: 0),
        ParamSpec.Int("blocks", "consecutive blocks for block-averaged error bars", 5, min: 2, max: 1000),
        ParamSpec.Float("max_lag_fraction", "longest MSD lag as a fraction of one block", 0.5, min: 0.01, max: 1),
        ParamSpec.Int("origin_stride", "frames between time origins; 0 = max lag / 1000 (at least 1)", 0, min: 0),
        ParamSpec.Float("fit_start_ps", "start of the MSD fit window in ps; 0 = 0.2 x the longest lag", 0.0, min: 0),
        ParamSpec.Float("fit_end_ps", "end of the MSD fit window in ps; 0 = 0.8 x the longest lag", 0.0, min: 0),
        ParamSpec.Bool("remove_drift", "subtract the centre-of-mass drift of the whole system", true),
        ParamSpec.Float("linearity_tolerance", "warn when the log-log MSD slope in the window differs from 1 by more", 0.15, min: 0),
        ParamSpec.StringList("include", "trajectory paths relative to the input folder to analyse; empty = every trajectory file in it", []),
        ParamSpec.StringList("species_names", "species for XDATCAR headers without names (VASP 4 layout)", []),
    ];

    public static MdTransportOptions Options(ParamValues p, double? temperature) => new()
    {
        MobileSpecies = p.String("species"),
        Charge = p.Float("charge"),
        TimeStepFs = p.Float("time_step_fs") > 0 ? p.Float("time_step_fs") : null,
        StepsPerFrame = p.Int32("steps_per_frame") > 0 ? p.Int32("steps_per_frame") : null,
        Temperature = temperature,
        SkipFrames = p.Int32("skip_frames"),
        Blocks = p.Int32("blocks"),
        MaxLagFraction = p.Float("max_lag_fraction"),
        OriginStride = p.Int32("origin_stride"),
        FitStartPs = p.Float("fit_start_ps") > 0 ? p.Float("fit_start_ps") : double.NaN,
        FitEndPs = p.Float("fit_end_ps") > 0 ? p.Float("fit_end_ps") : double.NaN,
        RemoveDrift = p.Bool("remove_drift"),
        LinearityTolerance = p.Float("linearity_tolerance"),
        SpeciesNames = p.StringList("species_names") is { Length: > 0 } names ? names : null,
    };
}
