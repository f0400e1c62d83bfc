using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Contracts;

/// <summary>eci.json, the cluster-expansion model file (schema "ce-model/1", docs/CLUSTER_EXPANSION.md): orbit
/// representatives in units of a/2 with their sublattices, cutoffs, multiplicities, decorations with their ECIs, the
/// constant term and the fit summary. This is its one reader and writer: ce-fit writes it through CeModelFile (which
/// rebuilds the cluster space on load and checks the stored orbits against it), the kMC and the report read it.</summary>
public sealed record EciDocument(string? Schema, double LatticeConstant, double[]? Cutoffs,
    Dictionary<string, string>? Units, EciSublattice[]? Sublattices, string? Basis, string? Energy, double J0,
    EciOrbitRecord[]? Orbits, EciFit? Fit)
{
    public const string SchemaName = "ce-model/1";

    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(EciDocument document, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(document, s_options) + "\n");
    }

    /// <summary>Reads the file; errors name it and the JSON line. Field checks beyond JSON shape are the reader's.</summary>
    public static EciDocument Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EciDocument>(File.ReadAllText(path), s_options)
                   ?? throw new FormatException($"{path}: empty model file");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e);
        }
    }
}

public sealed record EciSublattice(string Name, string[] Species)
{
    /// <summary>Anion sublattice only: the substituent anion when it is not the second anion listed (omitted
    /// otherwise, so Li-V-O-F files keep their bytes).</summary>
    public string? Substituent { get; init; }
}

public sealed record EciOrbitRecord(int Index, int Order, EciSite[]? Sites, double Diameter, int Multiplicity,
    Dictionary<string, int>? ClustersPerSite, EciDecoration[]? Decorations);

public sealed record EciSite(int[]? Position, string? Sublattice);

public sealed record EciDecoration(int[]? Functions, int ClassSize, double Eci);

public sealed record EciFit(string? Method, Dictionary<string, double>? Metrics, Dictionary<string, string>? Provenance);
