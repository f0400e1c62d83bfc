using Pipeline.Core.Hashing;

namespace Pipeline.Core.Parquet;

/// <summary>The footer key-values of an engine-written table are outside its content hash (they carry times and
/// provenance, and the content hash must not depend on them). So the engine seals them separately: the key
/// <c>pipeline.footer_hash</c> holds XxHash128 of "pipeline-footer/1", the number of other keys, then each key and
/// value (sorted by key, ordinal) as length-prefixed UTF-8. A footer edited after writing no longer matches it.</summary>
public static class FooterDigest
{
    private const string Magic = "pipeline-footer/1";

    public static string Compute(IReadOnlyDictionary<string, string> footer)
    {
        using var h = new CanonicalHasher();
        h.WriteString(Magic);
        var keys = footer.Keys.Where(k => k != ArtifactMetadata.FooterHash).Order(StringComparer.Ordinal).ToList();
        h.WriteUInt64((ulong)keys.Count);
        foreach (var key in keys)
        {
            h.WriteString(key);
            h.WriteString(footer[key]);
        }
        return h.FinishHex();
    }

    /// <summary><paramref name="footer"/> with its seal added.</summary>
    public static Dictionary<string, string> Seal(IReadOnlyDictionary<string, string> footer)
    {
        var sealedFooter = new Dictionary<string, string>(footer, StringComparer.Ordinal);
        sealedFooter.Remove(ArtifactMetadata.FooterHash);
        sealedFooter[ArtifactMetadata.FooterHash] = Compute(sealedFooter);
        return sealedFooter;
    }

    /// <summary>Null when the footer agrees with itself and with the table's actual content hash; otherwise what is
    /// wrong. Footers without a seal (tables written by other tools, or by engine versions before the seal) are only
    /// checked for their content-hash key.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string> footer, string actualContentHash)
    {
        if (footer.TryGetValue(ArtifactMetadata.ContentHash, out var claimed) && claimed != actualContentHash)
            return $"a footer whose {ArtifactMetadata.ContentHash} is {HashHex.Short(claimed)} while the content hashes to {HashHex.Short(actualContentHash)}";
        if (footer.TryGetValue(ArtifactMetadata.FooterHash, out var seal))
        {
            var actual = Compute(footer);
            if (seal != actual)
                return $"an edited footer ({ArtifactMetadata.FooterHash} {HashHex.Short(seal)}, its key-values hash to {HashHex.Short(actual)})";
        }
        return null;
    }
}
