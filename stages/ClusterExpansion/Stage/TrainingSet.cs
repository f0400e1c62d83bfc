using Pipeline.Contracts;
using Pipeline.Abstractions;
using Pipeline.RockSalt;

namespace Pipeline.ClusterExpansion;

/// <summary>Builds the training set of the ce-fit stage from the <c>structures</c> table (CONTRACTS.md schema).</summary>
public static class TrainingSet
{
    /// <summary>The chemistry of the training structures: pinned (<paramref name="cations"/> and
    /// <paramref name="anions"/> given) or inferred from the elements of all rows with <see cref="Chemistry.Infer"/>.</summary>
    public static Chemistry ChemistryOf(Table structures, string mobileIon, IReadOnlyList<string>? cations = null,
        IReadOnlyList<string>? anions = null, string? substituent = null)
    {
        if (cations is { Count: > 0 } || anions is { Count: > 0 })
        {
            if (cations is not { Count: > 0 } || anions is not { Count: > 0 })
                throw new ArgumentException("cations and anions: pin both (other cations in code order; anions host first) or neither");
            return new Chemistry(mobileIon, cations, anions, substituent);
        }
        StructuresContract.Schema.Require(structures, "structures table", StructuresContract.Species);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in structures.StringLists("species"))
            foreach (var element in row)
                counts[element] = counts.GetValueOrDefault(element) + 1;
        return Chemistry.Infer(counts, mobileIon, substituent);
    }

    /// <summary>Maps every row with <see cref="StructureMapper"/> onto the space's chemistry and computes its
    /// correlations. A row that cannot be mapped, or holds an element outside the chemistry, is an error naming the
    /// row, calc_id and element, unless <paramref name="skipped"/> is given, which then receives the message and the
    /// row is left out.</summary>
    public static List<TrainingStructure> FromTable(Table structures, ClusterSpace space, double tolerance,
        List<string>? skipped = null, Action? rowDone = null)
    {
        StructuresContract.Schema.Require(structures, "structures table", StructuresContract.CalcId, StructuresContract.Lattice,
            StructuresContract.Species, StructuresContract.Frac, StructuresContract.Energy);
        var ids = structures.Strings(StructuresContract.CalcId);
        var lattices = structures.DoubleLists("lattice");
        var species = structures.StringLists("species");
        var frac = structures.DoubleLists("frac");
        var energies = structures.Doubles("energy");
        var result = new List<TrainingStructure>();
        for (int r = 0; r < structures.RowCount; r++)
        {
            string source = $"structures row {r} ({ids[r]})";
            MappedStructure mapped;
            try
            {
                if (!double.IsFinite(energies[r])) throw new FormatException($"{source}: energy is {energies[r]}");
                foreach (var element in species[r].Distinct()) space.Chemistry.RequireElement(element, source);
                mapped = StructureMapper.Map(lattices[r], species[r], frac[r], source, tolerance, space.Chemistry);
            }
            catch (Exception e) when (skipped is not null && e is StructureMappingException or FormatException or ArgumentException)
            {
                skipped.Add(e.Message);
                continue;
            }
            var correlations = CorrelationFunctions.Compute(space, mapped.Cell, mapped.Cations, mapped.Anions);
            double perFormulaUnit = energies[r] * CeModel.CationSitesPerFormulaUnit / mapped.Cell.CationCount;
            result.Add(new TrainingStructure(ids[r], GroupOf(ids[r]), mapped, perFormulaUnit, correlations));
            rowDone?.Invoke();
        }
        if (result.Count == 0)
            throw new InvalidOperationException($"no structures to fit ({structures.RowCount} rows, {skipped?.Count ?? 0} skipped)");
        return result;
    }

    /// <summary>"neb/hop_0001/00" -> "neb/hop_0001" (end points of one NEB); other ids stay as they are.</summary>
    public static string GroupOf(string calcId)
    {
        int slash = calcId.LastIndexOf('/');
        if (slash <= 0) return calcId;
        string last = calcId[(slash + 1)..];
        return last.Length > 0 && last.All(char.IsAsciiDigit) ? calcId[..slash] : calcId;
    }
}
