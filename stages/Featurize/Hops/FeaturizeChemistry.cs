using Pipeline.RockSalt;

namespace Pipeline.Featurize.Hops;

/// <summary>The chemistry featurize maps hops with (DOMAIN.md section 10): pinned by the params <c>cations</c> and/or
/// <c>anions</c> (a list left empty is inferred from the data), or inferred from the element counts of every hop's
/// structure with <see cref="Chemistry.Infer"/>. Every element of every hop must belong to it: a hop with another
/// element is refused, naming the calculation and the element. Data with only Li, V, O and F is Li(2-x)VO2F.</summary>
public static class FeaturizeChemistry
{
    public static Chemistry Resolve(IReadOnlyList<HopRecord> hops, string mobileIon, IReadOnlyList<string> cations,
        IReadOnlyList<string> anions, string? substituent)
    {
        if (hops.Count == 0 && (cations.Count == 0 || anions.Count == 0))
            return Pinned(mobileIon, cations.Count > 0 ? cations : Chemistry.LiVOF.OtherCations,
                anions.Count > 0 ? anions : Chemistry.LiVOF.Anions, substituent);
        Chemistry chemistry;
        if (cations.Count > 0 && anions.Count > 0)
        {
            chemistry = Pinned(mobileIon, cations, anions, substituent);
        }
        else
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var hop in hops)
                foreach (var element in hop.Species)
                    counts[element] = counts.GetValueOrDefault(element) + 1;
            Chemistry inferred;
            try
            {
                // Pinned anions fix the substituent choice; inference only fills the list left empty.
                inferred = Chemistry.Infer(counts, mobileIon, anions.Count > 0 ? null : substituent);
            }
            catch (ArgumentException e)
            {
                throw new InvalidDataException($"hops table: cannot infer the chemistry: {e.Message}", e);
            }
            chemistry = cations.Count == 0 && anions.Count == 0 ? (IsLiVOF(inferred, substituent) ? Chemistry.LiVOF : inferred)
                : Pinned(mobileIon, cations.Count > 0 ? cations : inferred.OtherCations.Where(c => !anions.Contains(c)).ToList(),
                    anions.Count > 0 ? anions : inferred.Anions, substituent);
        }
        foreach (var hop in hops)
            foreach (var element in hop.Species.Distinct(StringComparer.Ordinal))
            {
                try
                {
                    chemistry.RequireElement(element, $"hop '{hop.CalcId}'");
                }
                catch (ArgumentException e)
                {
                    throw new InvalidDataException(e.Message, e);
                }
            }
        return chemistry;
    }

    /// <summary>Data holding only Li, V, O and F is the bundled Li(2-x)VO2F chemistry, F the substituent whatever the
    /// O:F ratio of the sample (inference alone would make F the host of an F-rich sample).</summary>
    private static bool IsLiVOF(Chemistry inferred, string? substituent)
        => substituent is null or "F" && inferred.MobileIon == "Li"
           && inferred.OtherCations.All(c => c == "V") && inferred.Anions.All(a => a is "O" or "F");

    private static Chemistry Pinned(string mobileIon, IReadOnlyList<string> cations, IReadOnlyList<string> anions, string? substituent)
    {
        try
        {
            return new Chemistry(mobileIon, cations, anions, substituent);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"featurize params: {e.Message}", e);
        }
    }
}
