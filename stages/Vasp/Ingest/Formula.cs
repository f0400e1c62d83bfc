namespace Pipeline.Vasp.Ingest;

/// <summary>Compact species descriptions for messages and checks.</summary>
public static class Formula
{
    /// <summary>Runs of equal species in order, e.g. "C36 Li1" (what a POSCAR's species and counts lines say).</summary>
    public static string Runs(IReadOnlyList<string> species)
    {
        var parts = new List<string>();
        int i = 0;
        while (i < species.Count)
        {
            int j = i;
            while (j < species.Count && species[j] == species[i])
                j++;
            parts.Add($"{species[i]}{j - i}");
            i = j;
        }
        return string.Join(' ', parts);
    }

    /// <summary>The species of each run in order (one per POSCAR type), e.g. ["C", "Li"] for C36 Li1.</summary>
    public static string[] TypeSymbols(IReadOnlyList<string> species)
    {
        var types = new List<string>();
        for (int i = 0; i < species.Count; i++)
        {
            if (i == 0 || species[i] != species[i - 1])
                types.Add(species[i]);
        }
        return types.ToArray();
    }
}
