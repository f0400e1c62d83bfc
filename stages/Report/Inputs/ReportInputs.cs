using Pipeline.Contracts;
using Pipeline.Abstractions;

namespace Pipeline.Report.Inputs;

/// <summary>Everything the report reads, loaded once from the stage context: the connected tables, the paths of
/// connected files and folders, the parsed JSON/YAML files, and one provenance record per connected input.</summary>
public sealed class ReportInputs
{
    private readonly Dictionary<string, Table> _tables;
    private readonly Dictionary<string, string> _paths;

    public ReportInputs(
        Dictionary<string, Table> tables,
        Dictionary<string, string> paths,
        IReadOnlyList<ArtifactRecord> artifacts,
        IReadOnlyDictionary<string, string> runProvenance)
    {
        _tables = tables;
        _paths = paths;
        Artifacts = artifacts;
        RunProvenance = runProvenance;
        // Parsed on first use, so a malformed file fails only the sections that read it (the renderer shows the
        // error there, naming the file) and the rest of the report is still written.
        _modelForward = new(() => LoadModel(ReportPorts.ModelForward, "e_forward"));
        _modelKra = new(() => LoadModel(ReportPorts.ModelKra, "e_kra"));
        _eci = new(() => Path(ReportPorts.Eci) is { } eci ? EciFile.Load(eci) : null);
        _truth = new(() => Path(ReportPorts.Truth) is { } truth ? TruthDocument.Load(truth) : null);
    }

    private readonly Lazy<BarrierModelFile?> _modelForward;
    private readonly Lazy<BarrierModelFile?> _modelKra;
    private readonly Lazy<EciFile?> _eci;
    private readonly Lazy<TruthDocument?> _truth;

    public IReadOnlyList<ArtifactRecord> Artifacts { get; }
    public IReadOnlyDictionary<string, string> RunProvenance { get; }
    public BarrierModelFile? ModelForward => _modelForward.Value;
    public BarrierModelFile? ModelKra => _modelKra.Value;
    public EciFile? Eci => _eci.Value;
    public TruthDocument? Truth => _truth.Value;

    /// <summary>How the report names the material: "Li(2-x)VO2F" for the bundled chemistry, else the species of
    /// the barrier models ("Li-Mn-Ti-O-F"); Li(2-x)VO2F when no model is connected.</summary>
    public string MaterialName
    {
        get
        {
            var chemistry = ModelChemistry();
            return chemistry is null || chemistry.Equals(Pipeline.RockSalt.Chemistry.LiVOF) ? "Li(2-x)VO2F" : chemistry.ToString();
        }
    }

    /// <summary>The mobile ion of the barrier models' chemistry (Li when no model is connected).</summary>
    public string MobileIon => ModelChemistry()?.MobileIon ?? "Li";

    // A malformed model file costs only the sections that read it (they show the error); naming the material
    // must not fail the whole report.
    private Pipeline.RockSalt.Chemistry? ModelChemistry()
    {
        try { return Models.Select(m => m.Chemistry).FirstOrDefault(); }
        catch (Exception e) when (e is InvalidDataException or FormatException or IOException or KeyNotFoundException) { return null; }
    }

    public IEnumerable<BarrierModelFile> Models =>
        new[] { ModelForward, ModelKra }.Where(m => m is not null).Select(m => m!);

    private readonly Dictionary<string, object?> _derived = new(StringComparer.Ordinal);

    /// <summary>A value computed from the inputs once per report (warnings, learning curves), shared by the
    /// headline and the section that shows it in full.</summary>
    public T Derived<T>(string key, Func<T> compute)
    {
        if (!_derived.TryGetValue(key, out var value))
        {
            value = compute();
            _derived[key] = value;
        }
        return (T)value!;
    }

    public Table? Table(string port) => _tables.GetValueOrDefault(port);
    public string? Path(string port) => _paths.GetValueOrDefault(port);
    public bool Has(string port) => _tables.ContainsKey(port) || _paths.ContainsKey(port);

    /// <summary>Reads every connected input of <paramref name="ctx"/>.</summary>
    public static ReportInputs Load(StageContext ctx)
    {
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var artifacts = new List<ArtifactRecord>();
        foreach (var port in ReportPorts.Inputs)
        {
            if (!ctx.HasInput(port.Name)) continue;
            IReadOnlyDictionary<string, string> metadata;
            if (port.Kind == PortKind.Table)
            {
                var table = ctx.ReadTable(port.Name);
                // A table that breaks its contract (a renamed or retyped column) stops the report here, naming the
                // port and the column, instead of silently dropping the sections that read it.
                ReportPorts.ContractOf(port.Name)?.Check(table, $"report input '{port.Name}'");
                tables[port.Name] = table;
                metadata = table.Metadata;
            }
            else
            {
                var path = ctx.InputPath(port.Name);
                paths[port.Name] = path;
                metadata = port.Kind == PortKind.File ? FileMetadata(path) : new Dictionary<string, string>();
            }
            artifacts.Add(new ArtifactRecord(port.Name, port.Kind, ctx.InputHash(port.Name), metadata));
        }
        return new ReportInputs(tables, paths, artifacts, ctx.Provenance);
    }

    /// <summary>Provenance a JSON file carries in its top-level fields (tool_version, created_utc, schema...).</summary>
    private static IReadOnlyDictionary<string, string> FileMetadata(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return new Dictionary<string, string>();
        Dictionary<string, string> scalars;
        try
        {
            using var doc = JsonFields.Parse(path);
            scalars = JsonFields.TopLevelScalars(doc.RootElement);
        }
        catch (InvalidDataException e)
        {
            return new Dictionary<string, string> { ["unreadable"] = e.Message };
        }
        return scalars.Where(kv => kv.Key is "schema" or "tool_version" or "created_utc" or "training_data_hash" or "stage" or "params_hash")
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
    }

    private BarrierModelFile? LoadModel(string port, string target) =>
        Path(port) is { } p ? BarrierModelFile.Load(p, target) : null;
}
