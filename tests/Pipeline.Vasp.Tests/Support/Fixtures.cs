namespace Pipeline.Vasp.Tests.Support;

/// <summary>Paths of the copied fixtures and the oracle values of docs/DOMAIN.md section 3 and TestData/README.md.</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "TestData");
    public static string Neb => Path.Combine(Root, "graphene-li-neb-7img");
    public static string SinglePoint => Path.Combine(Root, "graphene-li-single-point");
    public static string Ase => Path.Combine(Root, "ase");

    /// <summary>Real files copied from Debian's pymatgen-test-files (see TestData/README.md).</summary>
    public static string Pymatgen => Path.Combine(Root, "pymatgen");

    private static readonly Lazy<string> GrapheneCopy = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "pipeline-vasp-tests", $"graphene-dataset-{Environment.ProcessId}");
        if (Directory.Exists(dir))
            Directory.Delete(dir, recursive: true);
        TempDir.CopyDirectory(Neb, Path.Combine(dir, "graphene-li-neb-7img"));
        TempDir.CopyDirectory(SinglePoint, Path.Combine(dir, "graphene-li-single-point"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        return dir;
    });

    /// <summary>A dataset folder holding only the two graphene fixtures (TestData also holds other formats).</summary>
    public static string GrapheneDataset => GrapheneCopy.Value;

    /// <summary>energy(sigma->0) of the last ionic step of images 00..08 (eV), from the fixture README.</summary>
    public static readonly double[] NebEnergies =
    [
        -336.45920117, -336.42422035, -336.39078459, -336.42426108, -336.46004851,
        -336.42427447, -336.39079045, -336.42423349, -336.45920102,
    ];

    public const double NebForwardBarrier = 0.068417;

    /// <summary>The columns of neb.dat: image, distance, relative energy, tangent force, image.</summary>
    public static double[][] NebDat()
        => File.ReadAllLines(Path.Combine(Neb, "neb.dat"))
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => double.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
}
