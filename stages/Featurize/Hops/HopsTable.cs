using Pipeline.Contracts;
using Pipeline.Abstractions;

namespace Pipeline.Featurize.Hops;

/// <summary>Reads the hops table (CONTRACTS.md) into <see cref="HopRecord"/>s; errors name the column and calc_id.</summary>
public static class HopsTable
{
    public static IReadOnlyList<HopRecord> Read(Table hops)
    {
        HopsContract.Schema.Require(hops, "hops table", HopsContract.CalcId, HopsContract.Lattice, HopsContract.Species,
            HopsContract.FracInitial, HopsContract.FracFinal, HopsContract.MovingIndex, HopsContract.MovingFracSaddle,
            HopsContract.EForward, HopsContract.EKra, HopsContract.EReaction);
        string[] calcId;
        double[][] lattice, fracInitial, fracFinal, saddle;
        string[][] species;
        long[] moving;
        double[] eForward, eKra, eReaction;
        try
        {
            calcId = hops.Strings("calc_id");
            lattice = hops.DoubleLists("lattice");
            species = hops.StringLists("species");
            fracInitial = hops.DoubleLists("frac_initial");
            fracFinal = hops.DoubleLists("frac_final");
            moving = hops.Longs("moving_index");
            saddle = hops.DoubleLists("moving_frac_saddle");
            eForward = hops.Doubles("e_forward");
            eKra = hops.Doubles("e_kra");
            eReaction = hops.Doubles("e_reaction");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"hops table: {e.Message}", e);
        }

        var rows = new HopRecord[hops.RowCount];
        for (int r = 0; r < rows.Length; r++)
        {
            string id = calcId[r];
            if (moving[r] < 0 || moving[r] >= species[r].Length)
                throw new InvalidDataException($"hops table, calc_id '{id}': moving_index {moving[r]} is outside 0..{species[r].Length - 1}");
            if (saddle[r].Length != 3)
                throw new InvalidDataException($"hops table, calc_id '{id}': moving_frac_saddle has {saddle[r].Length} values, expected 3");
            rows[r] = new HopRecord(id, lattice[r], species[r], fracInitial[r], fracFinal[r], (int)moving[r], saddle[r],
                eForward[r], eKra[r], eReaction[r]);
        }
        return rows;
    }
}
