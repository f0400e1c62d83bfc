using Pipeline.Fitting.Regression;

namespace Pipeline.Fitting.Tests;

public class KFoldTests
{
    [Fact]
    public void Contiguous_folds_put_the_extra_rows_first()
    {
        var folds = KFold.Contiguous(12, 5);
        Assert.Equal([3, 3, 2, 2, 2], folds.Select(f => f.Test.Length));
        Assert.Equal([0, 1, 2], folds[0].Test);
        Assert.Equal([6, 7], folds[2].Test);
        Assert.Equal(Enumerable.Range(0, 12).Except([6, 7]), folds[2].Train);
    }

    [Fact]
    public void Grouped_folds_keep_groups_whole_and_balance_sizes()
    {
        // Group sizes 5, 4, 3, 2, 2, 1 over 3 folds: greedy largest-first gives fold rows 6, 6, 5.
        double[] groups = [.. Enumerable.Repeat(0.0, 5), .. Enumerable.Repeat(0.25, 4), .. Enumerable.Repeat(0.5, 3),
            .. Enumerable.Repeat(0.75, 2), .. Enumerable.Repeat(1.0, 2), 1.25];
        var folds = KFold.Grouped(groups, 3);
        Assert.Equal(groups.Length, folds.Sum(f => f.Test.Length));
        foreach (var fold in folds)
        {
            var testGroups = fold.Test.Select(i => groups[i]).ToHashSet();
            Assert.DoesNotContain(fold.Train, i => testGroups.Contains(groups[i]));
        }
        Assert.Equal([5, 6, 6], folds.Select(f => f.Test.Length).Order());
    }

    [Fact]
    public void Grouped_folds_need_enough_groups()
    {
        var e = Assert.Throws<ArgumentException>(() => KFold.Grouped([1.0, 1.0, 2.0, 2.0], 3));
        Assert.Contains("distinct groups", e.Message);
    }

    [Fact]
    public void Shuffled_folds_partition_the_rows_reproducibly()
    {
        var a = KFold.Shuffled(23, 4, 7);
        var b = KFold.Shuffled(23, 4, 7);
        Assert.Equal(Enumerable.Range(0, 23), a.SelectMany(f => f.Test).Order());
        Assert.Equal(a.Select(f => f.Test), b.Select(f => f.Test));
    }
}
