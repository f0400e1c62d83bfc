namespace Pipeline.Report.Inputs;

/// <summary>Finds provenance values by meaning rather than by one exact key, so "pipeline.stage", "stage" and
/// "stage_name" all count as the producing stage: the key is taken after its last '.' or ':', lower-cased, with
/// '_' and '-' removed.</summary>
public static class ProvenanceKeys
{
    public static readonly string[] Stage = ["stage", "stagename", "producingstage", "producer", "stageinstance"];
    public static readonly string[] StageType = ["stagetype", "uses", "type"];
    public static readonly string[] ParamsHash = ["paramshash", "paramhash", "parametershash"];
    public static readonly string[] ToolVersion = ["toolversion", "version", "pipelineversion"];
    public static readonly string[] Params = ["params", "parameters"];
    public static readonly string[] Created = ["createdutc", "created", "timestamp", "finishedutc"];

    private static readonly string[][] All = [Stage, StageType, ParamsHash, Params, ToolVersion, Created];

    public static string Normalize(string key)
    {
        int cut = key.LastIndexOfAny(['.', ':']);
        var tail = cut >= 0 ? key[(cut + 1)..] : key;
        return new string(tail.Where(c => c is not ('_' or '-' or ' ')).Select(char.ToLowerInvariant).ToArray());
    }

    public static string? Find(IReadOnlyDictionary<string, string> metadata, string[] meaning)
    {
        foreach (var wanted in meaning)
        {
            foreach (var (key, value) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (Normalize(key) == wanted) return value;
            }
        }
        return null;
    }

    /// <summary>Keys that hold a clock reading (creation, start or end time, duration). The report leaves them out:
    /// times belong to run records, not to artifacts, and the same inputs must give the same report bytes.</summary>
    public static bool IsTime(string key)
    {
        var n = Normalize(key);
        return Created.Contains(n) || n.Contains("utc", StringComparison.Ordinal) || n.Contains("time", StringComparison.Ordinal)
            || n.Contains("duration", StringComparison.Ordinal) || n.Contains("elapsed", StringComparison.Ordinal)
            || n.EndsWith("at", StringComparison.Ordinal) && (n.StartsWith("created", StringComparison.Ordinal) || n.StartsWith("started", StringComparison.Ordinal) || n.StartsWith("finished", StringComparison.Ordinal));
    }

    public static bool IsKnown(string key)
    {
        var n = Normalize(key);
        return All.Any(meaning => meaning.Contains(n));
    }
}
