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
}
