using Pipeline.Vasp.Parsing;

namespace Pipeline.Vasp.Tests;

/// <summary>Issue #16: POSCARs whose species and count lines wrap over several lines.</summary>
public class PoscarWrappedLinesTests
{
    private const string Header = "wrapped\n1.0\n5.0 0.0 0.0\n0.0 5.0 0.0\n0.0 0.0 5.0\n";

    private static string Atoms(int n) => string.Concat(Enumerable.Range(0, n).Select(i => $"0.{i:D2} 0.5 0.5\n"));

    [Fact]
    public void Species_and_counts_wrapped_over_two_lines_each_parse_like_one_line()
    {
        var oneLine = PoscarParser.ParseText(Header + "Li V O F\n2 1 3 1\nDirect\n" + Atoms(7), "POSCAR");
        var wrapped = PoscarParser.ParseText(Header + "Li V\nO F\n2 1\n3 1\nDirect\n" + Atoms(7), "POSCAR");
        Assert.Equal(["Li", "V", "O", "F"], wrapped.TypeSymbols!);
        Assert.Equal([2, 1, 3, 1], wrapped.Counts);
        Assert.Equal(oneLine.Frac, wrapped.Frac);
        Assert.Equal(oneLine.ToCrystal().Species, wrapped.ToCrystal().Species);
    }

    [Fact]
    public void Wrapped_counts_before_selective_dynamics_stop_at_one_count_per_species()
    {
        var p = PoscarParser.ParseText(Header + "Li O\n1\n1\nSelective dynamics\nDirect\n0.1 0.2 0.3 T T F\n0.5 0.5 0.5 F F F\n", "POSCAR");
        Assert.Equal([1, 1], p.Counts);
        Assert.NotNull(p.Movable);
    }

    [Fact]
    public void Too_few_counts_is_still_an_error_at_its_line()
    {
        var e = Assert.Throws<VaspFormatException>(() => PoscarParser.ParseText(Header + "Li V O\n2 1\nDirect\n" + Atoms(3), "POSCAR"));
        Assert.Equal(7, e.Line);
    }
}
