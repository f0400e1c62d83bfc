using Pipeline.Contracts;
using Pipeline.Abstractions;

namespace Pipeline.Report.Inputs;

/// <summary>The report's input ports, named as the bundled pipeline connects them (docs/CONTRACTS.md). All are
/// optional: a section whose inputs are missing says so instead of failing.</summary>
public static class ReportPorts
{
    public const string Hops = "hops";
    public const string Rejected = "rejected";
    public const string Features = "features";
    public const string ClassifierMetrics = "classifier_metrics";
    public const string Metrics = "metrics";
    public const string Coefficients = "coefficients";
    public const string ValidatePlots = "validate_plots";
    public const string CeMetrics = "ce_metrics";
    public const string Eci = "eci";
    public const string KmcSummary = "kmc_summary";
    public const string KmcResults = "kmc_results";
    public const string KmcPlots = "kmc_plots";
    public const string KmcMsd = "kmc_msd";
    public const string Truth = "truth";
    public const string ModelForward = "model_forward";
    public const string ModelKra = "model_kra";
    public const string MdObservables = "md_observables";
    public const string MdArrhenius = "md_arrhenius";
    public const string MdPlots = "md_plots";

    public const string ReportOutput = "report";

    public static IReadOnlyList<PortSpec> Inputs { get; } =
    [
        Optional(Hops, PortKind.Table, "accepted NEB hops (ingest.hops)"),
        Optional(Rejected, PortKind.Table, "rejected calculations with reasons (ingest.rejected)"),
        Optional(Features, PortKind.Table, "descriptors and path labels (featurize.features)"),
        Optional(ClassifierMetrics, PortKind.Table, "path classifier metrics and confusion matrix (fit.classifier_metrics)"),
        Optional(Metrics, PortKind.Table, "cross-validated errors of the barrier models (validate.metrics)"),
        Optional(Coefficients, PortKind.Table, "coefficients with confidence intervals (validate.coefficients)"),
        Optional(ValidatePlots, PortKind.Directory, "parity, residual, Lasso path and CV curve plots (validate.plots)"),
        Optional(CeMetrics, PortKind.Table, "cluster-expansion fit metrics (ce.ce_metrics)"),
        Optional(Eci, PortKind.File, "cluster-expansion model eci.json (ce.eci)"),
        Optional(KmcSummary, PortKind.Table, "kMC observables per composition and temperature (kmc.summary)"),
        Optional(KmcResults, PortKind.Table, "kMC results per run (kmc.results)"),
        Optional(KmcPlots, PortKind.Directory, "kMC plots (kmc.plots)"),
        Optional(KmcMsd, PortKind.Table, "tracer and collective MSD against time per run, to check the runs are diffusive (kmc.msd)"),
        Optional(Truth, PortKind.File, "truth.yaml of a synthetic dataset (synth.truth)"),
        Optional(ModelForward, PortKind.File, "forward-barrier model JSON (fit.model_forward)"),
        Optional(ModelKra, PortKind.File, "KRA-barrier model JSON (fit.model_kra)"),
        Optional(MdObservables, PortKind.Table, "MD transport per trajectory with block errors (md-transport observables)"),
        Optional(MdArrhenius, PortKind.Table, "Arrhenius fits of the MD D* and D_sigma, extrapolated to 300 K (md-transport arrhenius)"),
        Optional(MdPlots, PortKind.Directory, "MD MSD and Arrhenius plots (md-transport plots)"),
    ];

    /// <summary>Inputs from stages outside the NEB-to-kMC workflow (md-transport): the report names them only when
    /// they are connected, so a run without MD reads exactly as it did before these ports existed.</summary>
    public static bool OnlyWhenConnected(string port) => port is MdObservables or MdArrhenius or MdPlots;

    /// <summary>The inputs the report counts and lists as missing: every workflow input, plus the connected
    /// <see cref="OnlyWhenConnected"/> ones.</summary>
    public static IReadOnlyList<PortSpec> Named(Func<string, bool> isConnected) =>
        Inputs.Where(p => !OnlyWhenConnected(p.Name) || isConnected(p.Name)).ToList();

    public static IReadOnlyList<PortSpec> Outputs { get; } =
    [
        new(ReportOutput, PortKind.File, "self-contained HTML report of the run", FileName: "report.html"),
    ];

    /// <summary>The contract of a table port: what the report reads from it is checked against it on load.</summary>
    public static TableSchema? ContractOf(string port) => port switch
    {
        Hops => HopsContract.Schema,
        Rejected => RejectedContract.Schema,
        Features => FeaturesContract.Schema,
        ClassifierMetrics => ClassifierMetricsContract.Schema,
        Metrics => ValidationMetricsContract.Schema,
        Coefficients => CoefficientsContract.Schema,
        CeMetrics => CeMetricsContract.Schema,
        KmcSummary => KmcSummaryContract.Schema,
        KmcResults => KmcResultsContract.Schema,
        KmcMsd => KmcMsdContract.Schema,
        MdObservables => MdObservablesContract.Schema,
        MdArrhenius => MdArrheniusContract.Schema,
        _ => null,
    };

    private static PortSpec Optional(string name, PortKind kind, string description) =>
        new(name, kind, description, Optional: true);
}
