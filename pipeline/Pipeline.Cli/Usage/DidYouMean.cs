namespace Pipeline.Cli.Usage;

/// <summary>"did you mean ...?" for mistyped commands, options and stage names: the candidates closest to what was typed
/// by optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so `sattus` finds `status`), or those
/// the typed text is a prefix of (`--dry` finds `--dry-run`).</summary>
public static class DidYouMean
{
    public static IReadOnlyList<string> Suggest(string typed, IEnumerable<string> candidates)
    {
        var list = candidates.Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.Ordinal).ToList();
        var lower = typed.ToLowerInvariant();
        // Allow one edit per three characters typed (at least one): `rn` -> `run`, not `gc` -> `dag`.
        int allowed = Math.Max(1, lower.TrimStart('-').Length / 3);
        var scored = list.Select(c => (Candidate: c, Distance: Distance(lower, c.ToLowerInvariant()))).ToList();
        int best = scored.Count == 0 ? int.MaxValue : scored.Min(s => s.Distance);
        if (best <= allowed)
            return scored.Where(s => s.Distance == best).Select(s => s.Candidate).Order(StringComparer.Ordinal).ToList();
        if (lower.TrimStart('-').Length >= 2)
            return list.Where(c => c.StartsWith(lower, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        return [];
    }

    /// <summary>" (did you mean `a` or `b`?)", or "" when nothing is close.</summary>
    public static string Hint(string typed, IEnumerable<string> candidates)
    {
        var s = Suggest(typed, candidates);
        return s.Count == 0 ? "" : $" (did you mean {string.Join(" or ", s.Take(3).Select(c => $"`{c}`"))}?)";
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
    /// adjacent characters each cost 1.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                d[i, j] = v;
            }
        }
        return d[a.Length, b.Length];
    }
}
