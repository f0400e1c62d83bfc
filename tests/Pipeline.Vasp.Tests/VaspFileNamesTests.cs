using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Tests.Support;

namespace Pipeline.Vasp.Tests;

/// <summary>Which file stands for OUTCAR in a folder (docs/INGEST.md).</summary>
public class VaspFileNamesTests
{
    private static string? Choose(params string[] files)
    {
        using var temp = new TempDir();
        foreach (var f in files)
            File.WriteAllText(Path.Combine(temp.Path, f), "x");
        return VaspFileNames.Find(temp.Path, "OUTCAR");
    }

    [Fact]
    public void Plain_name_then_gz_bz2_xz_then_custodian_runs()
    {
        Assert.Equal("OUTCAR", Choose("OUTCAR", "OUTCAR.gz", "OUTCAR.relax2"));
        Assert.Equal("OUTCAR.gz", Choose("OUTCAR.gz", "OUTCAR.xz"));
        Assert.Equal("OUTCAR.bz2", Choose("OUTCAR.bz2", "OUTCAR.xz"));
        Assert.Equal("OUTCAR.xz", Choose("OUTCAR.xz", "OUTCAR.relax1"));
        Assert.Null(Choose("OUTCAR.bak", "OUTCAR-old", "POSCAR"));
    }

    [Fact]
    public void The_highest_relaxation_number_wins_numerically()
    {
        Assert.Equal("OUTCAR.relax10.gz", Choose("OUTCAR.relax1.gz", "OUTCAR.relax2", "OUTCAR.relax10.gz"));
        Assert.Equal(".relax10", VaspFileNames.RelaxTagOf("OUTCAR.relax10.gz", "OUTCAR"));
        Assert.Equal("", VaspFileNames.RelaxTagOf("OUTCAR.gz", "OUTCAR"));
    }
}
