namespace Pipeline.Fitting.Regression;

/// <summary>One train/test split of row indices (both in ascending row order).</summary>
public sealed record Fold(int[] Train, int[] Test);

/// <summary>Cross-validation splitters with scikit-learn's semantics.</summary>
public static class KFold
{
    /// <summary>KFold without shuffling: contiguous test blocks, the first n mod k blocks one row longer.</summary>
    public static IReadOnlyList<Fold> Contiguous(int rows, int folds)
    {
        CheckFolds(rows, folds);
        var result = new List<Fold>(folds);
        int start = 0;
        for (int f = 0; f < folds; f++)
        {
            int size = rows / folds + (f < rows % folds ? 1 : 0);
            result.Add(FromTestMask(rows, i => i >= start && i < start + size));
            start += size;
        }
        return result;
    }

    /// <summary>Contiguous folds over a permutation of the rows (for shuffled CV); the permutation is seeded.</summary>
    public static IReadOnlyList<Fold> Shuffled(int rows, int folds, int seed)
    {
        CheckFolds(rows, folds);
        var order = Enumerable.Range(0, rows).ToArray();
        new Random(seed).Shuffle(order);
        var foldOf = new int[rows];
        int start = 0;
        for (int f = 0; f < folds; f++)
        {
            int size = rows / folds + (f < rows % folds ? 1 : 0);
            for (int k = start; k < start + size; k++)
                foldOf[order[k]] = f;
            start += size;
        }
        return FromAssignment(foldOf, folds);
    }

    /// <summary>GroupKFold: whole groups go to one test fold. Groups are taken largest first (ties: the larger
    /// group value first) and each goes to the fold with the fewest rows so far (ties: the lowest fold).</summary>
    public static IReadOnlyList<Fold> Grouped(IReadOnlyList<double> groups, int folds)
    {
        int rows = groups.Count;
        CheckFolds(rows, folds);
        var sizes = new SortedDictionary<double, int>();
        foreach (var g in groups)
        {
            if (double.IsNaN(g))
                throw new ArgumentException("group column contains NaN");
            sizes[g] = sizes.GetValueOrDefault(g) + 1;
        }
        if (sizes.Count < folds)
            throw new ArgumentException($"grouped CV needs at least {folds} distinct groups, found {sizes.Count}");

        var ordered = sizes.OrderByDescending(kv => kv.Value).ThenByDescending(kv => kv.Key).ToList();
        var foldRows = new long[folds];
        var foldOfGroup = new Dictionary<double, int>();
        foreach (var (group, size) in ordered)
        {
            int lightest = 0;
            for (int f = 1; f < folds; f++)
            {
                if (foldRows[f] < foldRows[lightest])
                    lightest = f;
            }
            foldRows[lightest] += size;
            foldOfGroup[group] = lightest;
        }
        var foldOf = new int[rows];
        for (int i = 0; i < rows; i++)
            foldOf[i] = foldOfGroup[groups[i]];
        return FromAssignment(foldOf, folds);
    }

    /// <summary>Folds from an explicit per-row fold number 0..k-1.</summary>
    public static IReadOnlyList<Fold> FromAssignment(IReadOnlyList<int> foldOfRow, int folds)
    {
        var result = new List<Fold>(folds);
        for (int f = 0; f < folds; f++)
        {
            int fold = f;
            var split = FromTestMask(foldOfRow.Count, i => foldOfRow[i] == fold);
            if (split.Test.Length == 0)
                throw new ArgumentException($"fold {f} has no test rows");
            result.Add(split);
        }
        return result;
    }

    private static Fold FromTestMask(int rows, Func<int, bool> isTest)
    {
        var train = new List<int>(rows);
        var test = new List<int>();
        for (int i = 0; i < rows; i++)
            (isTest(i) ? test : train).Add(i);
        return new Fold(train.ToArray(), test.ToArray());
    }

    private static void CheckFolds(int rows, int folds)
    {
        if (folds < 2)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, "cross-validation needs at least 2 folds");
        if (folds > rows)
            throw new ArgumentException($"cannot split {rows} rows into {folds} folds");
    }
}
