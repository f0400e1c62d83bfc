using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Contracts;

/// <summary>A linear truth: the least-squares projection of the true barriers on the descriptors (intercept in eV,
/// coefficients in eV per descriptor unit), with how well it explains the truth process (R^2, RMSE; NaN if absent).</summary>
public sealed record LinearTruth(double Intercept, IReadOnlyDictionary<string, double> Coefficients, double R2 = double.NaN,
    double Rmse = double.NaN);

/// <summary>The truth of one planted hop: its path and barriers (eV).</summary>
public sealed record TruthHop(string CalcId, string Path, double EKra, double EForward);

/// <summary>A calculation the synthesizer broke on purpose; ingest should reject it.</summary>
public sealed record TruthFault(string CalcId, string Kind, string File);

/// <summary>One mapping of truth.yaml kept as text fields, with the line it starts on, so a consumer that interprets
/// the values (species, sublattices) can name the line in its errors.</summary>
public sealed record TruthRecord(IReadOnlyDictionary<string, string> Fields, int Line, string Where)
{
    public string? this[string key] => Fields.TryGetValue(key, out var v) ? v : null;
}

/// <summary>The chemistry a synthetic study was planted in (truth.yaml "chemistry"; absent = Li-V-O-F): the
/// synthesize param value, the species by role, the fully lithiated formula and the descriptor set the barrier truth
/// acts on and the linear truths are keyed by ("standard" or "element").</summary>
public sealed record TruthChemistry(string Name, string MobileIon, IReadOnlyList<string> Cations, IReadOnlyList<string> Anions,
    string? Substituent, string? Formula, string DescriptorSet, int Line)
{
    /// <summary>The species as a <see cref="Pipeline.RockSalt.Chemistry"/>; an inconsistent block is an error naming
    /// the file and line.</summary>
    public Pipeline.RockSalt.Chemistry ToChemistry(string path)
    {
        try { return new Pipeline.RockSalt.Chemistry(MobileIon, Cations, Anions, Substituent); }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: line {Line}: '{TruthDocument.Keys.Chemistry}' does not name a rock-salt chemistry: {e.Message}", e);
        }
    }
}

/// <summary>The cluster-expansion truth: point energies per species and pair interactions (eV per supercell).</summary>
public sealed record TruthCe(TruthRecord Point, IReadOnlyList<TruthRecord> Pairs);

/// <summary>truth.yaml, the ground truth of a synthetic study (schema "synthetic-truth/1", datasets/README.md lists
/// every field). This is its one reader: the validate stage takes the linear truths, ce-fit the CE truth, the report
/// all of it. Its one writer is the synthesizer (lib/Synthesis, TruthYamlWriter), which uses the key names below; a
/// round-trip test keeps the two in step. Errors name the file, line and field.</summary>
public sealed record TruthDocument(
    string? Schema,
    string? Seed,
    LinearTruth? KraLinear,
    LinearTruth? ForwardLinear,
    TruthCe? Ce,
    IReadOnlyDictionary<string, string> Noise,
    IReadOnlyList<TruthHop> Hops,
    IReadOnlyList<TruthFault> Faults,
    IReadOnlyDictionary<string, string> PathFractions)
{
    public const string SchemaName = "synthetic-truth/1";

    /// <summary>The planted chemistry; null for a Li-V-O-F study (whose truth.yaml has no such block).</summary>
    public TruthChemistry? Chemistry { get; init; }

    /// <summary>The species of the study: the chemistry block's, or Li-V-O-F when the file has none.</summary>
    public Pipeline.RockSalt.Chemistry SpeciesOrDefault(string path = "truth.yaml")
        => Chemistry?.ToChemistry(path) ?? Pipeline.RockSalt.Chemistry.LiVOF;

    /// <summary>The descriptor set the linear truths are keyed by: the chemistry block's, or "standard".</summary>
    public string DescriptorSet => Chemistry?.DescriptorSet ?? Pipeline.RockSalt.DescriptorSet.Standard;

    /// <summary>Top-level keys (the writer emits them in this vocabulary).</summary>
    public static class Keys
    {
        public const string Schema = "schema";
        public const string Chemistry = "chemistry";
        public const string Seed = "seed";
        public const string Noise = "noise";
        public const string Ce = "ce";
        public const string CePoint = "point";
        public const string CePairs = "pairs";
        public const string KraLinear = "kra_linear";
        public const string ForwardLinear = "forward_linear";
        public const string PathFractions = "path_fractions";
        public const string Faults = "faults";
        public const string Hops = "hops";
    }

    /// <summary>The linear truth of a barrier model's target ("e_kra" or "e_forward"), or null.</summary>
    public LinearTruth? LinearFor(string target) => target switch
    {
        "e_kra" or "kra" => KraLinear,
        "e_forward" or "forward" => ForwardLinear,
        _ => null,
    };

    public static TruthDocument Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new InvalidDataException($"{path}: line {e.Start.Line}: not valid YAML: {e.Message}", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new InvalidDataException($"{path}: the top level must be a mapping");

        var schema = Scalar(Child(root, Keys.Schema));
        if (schema is not null && schema != SchemaName)
            throw new InvalidDataException($"{path}: '{Keys.Schema}' is '{schema}', this tool reads '{SchemaName}'");
        return new TruthDocument(
            schema,
            Scalar(Child(root, Keys.Seed)),
            Linear(Child(root, Keys.KraLinear), path, Keys.KraLinear),
            Linear(Child(root, Keys.ForwardLinear), path, Keys.ForwardLinear),
            ReadCe(Child(root, Keys.Ce), path),
            NoiseLevels(root),
            Records(root, Keys.Hops, path)
                .Select(h => new TruthHop(h["calc_id"] ?? "", h["path"] ?? "", Number(h, "e_kra", path), Number(h, "e_forward", path)))
                .ToList(),
            Records(root, Keys.Faults, path).Select(f => new TruthFault(f["calc_id"] ?? "", f["kind"] ?? "", f["file"] ?? "")).ToList(),
            Scalars(Child(root, Keys.PathFractions)))
        {
            Chemistry = ReadChemistry(Child(root, Keys.Chemistry), path),
        };
    }

    private static TruthChemistry? ReadChemistry(YamlNode? node, string path)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode map)
            throw new InvalidDataException($"{path}: line {node.Start.Line}: '{Keys.Chemistry}' must be a mapping");
        string Required(string key) => Scalar(Child(map, key)) is { Length: > 0 } v ? v
            : throw new InvalidDataException($"{path}: line {map.Start.Line}: '{Keys.Chemistry}.{key}' is missing");
        IReadOnlyList<string> List(string key) => Child(map, key) is YamlSequenceNode seq && seq.Children.Count > 0
            ? seq.Children.Select(c => Scalar(c) ?? throw new InvalidDataException(
                $"{path}: line {c.Start.Line}: '{Keys.Chemistry}.{key}' must list element symbols")).ToArray()
            : throw new InvalidDataException($"{path}: line {map.Start.Line}: '{Keys.Chemistry}.{key}' must be a non-empty list");
        return new TruthChemistry(Required("name"), Required("mobile_ion"), List("cations"), List("anions"),
            Scalar(Child(map, "substituent")) is { Length: > 0 } sub ? sub : null, Scalar(Child(map, "formula")),
            Scalar(Child(map, "descriptor_set")) ?? Pipeline.RockSalt.DescriptorSet.Standard, (int)map.Start.Line);
    }

    private static TruthCe? ReadCe(YamlNode? node, string path)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode ce)
            throw new InvalidDataException($"{path}: line {node.Start.Line}: '{Keys.Ce}' must be a mapping");
        var point = Child(ce, Keys.CePoint) as YamlMappingNode
                    ?? throw new InvalidDataException($"{path}: line {ce.Start.Line}: '{Keys.Ce}.{Keys.CePoint}' must be a mapping");
        var pairs = new List<TruthRecord>();
        if (Child(ce, Keys.CePairs) is { } pairsNode)
        {
            if (pairsNode is not YamlSequenceNode sequence)
                throw new InvalidDataException($"{path}: line {pairsNode.Start.Line}: '{Keys.Ce}.{Keys.CePairs}' must be a list");
            for (int i = 0; i < sequence.Children.Count; i++)
            {
                var where = $"{Keys.Ce}.{Keys.CePairs}[{i}]";
                if (sequence.Children[i] is not YamlMappingNode map)
                    throw new InvalidDataException($"{path}: line {sequence.Children[i].Start.Line}: {where} must be a mapping");
                pairs.Add(new TruthRecord(Scalars(map), (int)map.Start.Line, where));
            }
        }
        return new TruthCe(new TruthRecord(Scalars(point), (int)point.Start.Line, $"{Keys.Ce}.{Keys.CePoint}"), pairs);
    }

    private static IEnumerable<TruthRecord> Records(YamlMappingNode root, string key, string path)
    {
        if (Child(root, key) is not { } node) return [];
        if (node is not YamlSequenceNode seq) throw new InvalidDataException($"{path}: line {node.Start.Line}: '{key}' must be a list");
        return seq.Children.OfType<YamlMappingNode>().Select((m, i) => new TruthRecord(Scalars(m), (int)m.Start.Line, $"{key}[{i}]"));
    }

    private static LinearTruth? Linear(YamlNode? node, string path, string field)
    {
        if (node is null) return null;
        if (node is not YamlMappingNode map)
            throw new InvalidDataException($"{path}: line {node.Start.Line}: '{field}' must be a mapping with 'intercept' and 'coefficients'");
        double intercept = NumberOf(Child(map, "intercept"), path, $"{field}.intercept")
                           ?? throw new InvalidDataException($"{path}: line {map.Start.Line}: '{field}' has no 'intercept'");
        if (Child(map, "coefficients") is not YamlMappingNode coefs)
            throw new InvalidDataException($"{path}: line {map.Start.Line}: '{field}.coefficients' must be a mapping of descriptor name to value");
        var coefficients = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in coefs.Children)
        {
            var name = Scalar(key) ?? "";
            coefficients[name] = NumberOf(value, path, $"{field}.coefficients.{name}")
                                 ?? throw new InvalidDataException($"{path}: line {value.Start.Line}: '{field}.coefficients.{name}' must be a number");
        }
        return new LinearTruth(intercept, coefficients,
            NumberOf(Child(map, "r2"), path, field + ".r2") ?? double.NaN,
            NumberOf(Child(map, "rmse"), path, field + ".rmse") ?? double.NaN);
    }

    /// <summary>Noise levels: the top-level "noise" mapping, plus top-level scalars whose key mentions noise.</summary>
    private static Dictionary<string, string> NoiseLevels(YamlMappingNode root)
    {
        var result = Scalars(Child(root, Keys.Noise));
        foreach (var (key, value) in root.Children)
        {
            var name = Scalar(key) ?? "";
            if (name.Contains("noise", StringComparison.OrdinalIgnoreCase) && Scalar(value) is { } s) result[name] = s;
        }
        return result;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    private static Dictionary<string, string> Scalars(YamlNode? node)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map) return result;
        foreach (var (key, value) in map.Children)
        {
            if (Scalar(key) is { } k)
                result[k] = Scalar(value) ?? (value is YamlSequenceNode seq ? string.Join(", ", seq.Children.Select(Scalar)) : "");
        }
        return result;
    }

    private static double Number(TruthRecord record, string key, string path) =>
        record[key] is { } text
            ? ParseNumber(text) ?? throw new InvalidDataException($"{path}: line {record.Line}: {record.Where}.{key} = '{text}' is not a number")
            : double.NaN;

    private static double? NumberOf(YamlNode? node, string path, string field)
    {
        if (Scalar(node) is not { } text) return null;
        return ParseNumber(text) ?? throw new InvalidDataException($"{path}: line {node!.Start.Line}: {field} = '{text}' is not a number");
    }

    /// <summary>A finite number in invariant culture, or null: a truth value is never NaN or infinite.</summary>
    public static double? ParseNumber(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;
}
