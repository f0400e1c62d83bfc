namespace Pipeline.ClusterExpansion;

/// <summary>Precomputes the combined table of a <see cref="HopPairEnvironment"/>: for each moving species (every
/// cation but the vacancy: the mobile ion, then the other cations)
/// and each code of the slot site variables, <see cref="HopPairEnvironment.SumTerms"/> over all shared clusters.
/// Evaluating the very sum the term-by-term path evaluates (same terms, same order, same start) makes the table
/// path return identical bits.</summary>
internal static class HopPairEnvironmentTableBuilder
{

    /// <summary>Slot weights, codes per species and the table; (empty, 0, null) when the slots have more than
    /// <see cref="HopPairEnvironment.MaxTableCodes"/> codes.</summary>
    public static (int[] Weights, int Codes, double[]? Table) Build(int[] templates, int width, int sameSublatticeSlots,
        int slotCount, double[] pool, SpeciesCounts species)
    {
        int moving = species.Cation - 1; // codes 1..M_cation-1
        var weights = new int[slotCount];
        var radices = new int[slotCount];
        long codes = 1;
        for (int k = 0; k < slotCount; k++)
        {
            weights[k] = (int)codes;
            radices[k] = k < sameSublatticeSlots ? species.Cation : species.Anion;
            codes *= radices[k];
            if (codes > HopPairEnvironment.MaxTableCodes) return ([], 0, null);
        }

        var table = new double[moving * codes];
        var sigma = new byte[slotCount + 1]; // the last entry is the dummy slot, always 0
        for (int code = 0; code < codes; code++)
        {
            for (int k = 0, rest = code; k < slotCount; rest /= radices[k], k++)
                sigma[k] = (byte)(rest % radices[k]);
            for (int m = 0; m < moving; m++)
                table[m * codes + code] = HopPairEnvironment.SumTerms(templates, width, pool, ref sigma[0], m + 1);
        }
        return (weights, (int)codes, table);
    }
}
