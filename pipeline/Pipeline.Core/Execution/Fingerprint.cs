using Pipeline.Core.Hashing;

namespace Pipeline.Core.Execution;

/// <summary>fingerprint = hash(stage type, implementation version, canonical params, sorted input hashes): equal
/// fingerprints mean equal computations, so their outputs can be reused.</summary>
public static class Fingerprint
{
    public static string Compute(string stageType, int version, string canonicalParamsJson,
        IEnumerable<KeyValuePair<string, string>> inputHashesByPort)
    {
        var inputs = inputHashesByPort.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        using var h = new CanonicalHasher();
        h.WriteString("pipeline-fingerprint/1");
        h.WriteString(stageType);
        h.WriteInt64(version);
        h.WriteString(canonicalParamsJson);
        h.WriteUInt64((ulong)inputs.Count);
        foreach (var (port, hash) in inputs)
        {
            h.WriteString(port);
            h.WriteString(hash);
        }
        return h.FinishHex();
    }
}
