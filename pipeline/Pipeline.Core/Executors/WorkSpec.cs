using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Core.Store;

namespace Pipeline.Core.Executors;

/// <summary>work.json: what a worker needs besides the workspace to redo the engine's resolution of a fan-out
/// stage — the run's --set overrides — and what it checks its result against: the fingerprint and the item ids in
/// Plan order.</summary>
public sealed class WorkSpec
{
    public string Schema { get; set; } = SchemaName;
    public string Stage { get; set; } = "";
    public string Fingerprint { get; set; } = "";
    public List<string> Sets { get; set; } = [];
    public List<string> Items { get; set; } = [];

    public const string SchemaName = "fanout-work/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));
    }

    /// <summary>Throws <see cref="IOException"/> naming the file when it is missing or unreadable.</summary>
    public static WorkSpec Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path} does not exist", path);
        try
        {
            var spec = JsonSerializer.Deserialize<WorkSpec>(File.ReadAllText(path), Json)
                       ?? throw new InvalidDataException($"{path} is empty");
            if (spec.Schema != SchemaName)
                throw new InvalidDataException($"{path}: unsupported schema '{spec.Schema}' (expected {SchemaName})");
            return spec;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
