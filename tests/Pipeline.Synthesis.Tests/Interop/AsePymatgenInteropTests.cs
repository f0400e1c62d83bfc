using System.Globalization;
using System.Text.Json.Nodes;
using Pipeline.Synthesis.Tests.Support;
using Pipeline.Vasp.Ingest;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Synthesis.Tests.Interop;

/// <summary>The synthetic Li-V-O-F calculations read in ASE and pymatgen as in our ingest.</summary>
public class AsePymatgenInteropTests(SmallDataset data) : AsePymatgenInteropChecks(data.DatasetPath, data.Truth), IClassFixture<SmallDataset>
{
    [PythonInteropFact]
    public void Ase_and_pymatgen_read_the_sampled_calculations_as_our_ingest_does() => CheckSample();
}

/// <summary>The synthetic Li-Mn-Ti-O-F calculations (five species lines, POTCARs Mn_pv and Ti_pv, U on Mn only) read in
/// ASE and pymatgen as in our ingest.</summary>
public class MultiTmAsePymatgenInteropTests(MultiTmDataset data) : AsePymatgenInteropChecks(data.DatasetPath, data.Truth), IClassFixture<MultiTmDataset>
{
    [PythonInteropFact]
    public void Ase_and_pymatgen_read_the_sampled_multi_TM_calculations_as_our_ingest_does() => CheckSample();
}

/// <summary>The synthetic calculations read in the tools users check VASP output with: ASE 3.22 (OUTCAR as
/// 'vasp-out', POSCAR/CONTCAR as 'vasp') and pymatgen (Outcar, Poscar) read a sample of a generated study
/// (interop/read_vasp.py) without error and find the same energies, forces, positions, cells and species as our
/// OUTCAR/POSCAR parsers and the ingest tables built from them.</summary>
public abstract class AsePymatgenInteropChecks(string datasetPath, TruthFile truth)
{
    private const double EnergyTolerance = 1e-6, LengthTolerance = 1e-6, ForceTolerance = 1e-6;

    /// <summary>The study under test: its dataset folder and truth.yaml.</summary>
    private readonly (string DatasetPath, TruthFile Truth) _data = (datasetPath, truth);

    protected void CheckSample()
    {
        var sample = Sample();
        var files = sample.SelectMany(c => c.Files()).ToList();
        var read = PythonInterop.ReadVasp(_data.DatasetPath, files);
        var byFile = read["files"]!.AsObject();

        var errors = new List<string>();
        foreach (var file in files)
            foreach (var reader in new[] { "ase", "pymatgen" })
                if (byFile[file]![reader]!["error"] is { } error)
                    errors.Add($"{reader} cannot read {file}: {error}\n{byFile[file]![reader]!["where"]}");
        Assert.True(errors.Count == 0, $"{read["versions"]}\n" + string.Join("\n", errors));

        var tables = Ingest();
        foreach (var calc in sample)
        {
            var outcar = OutcarParser.Parse(Path.Combine(_data.DatasetPath, calc.Outcar), calc.Outcar);
            CompareOutcar(calc.Outcar, outcar, byFile[calc.Outcar]!.AsObject());
            foreach (var structureFile in calc.StructureFiles)
                CompareStructure(structureFile, outcar.TypeSymbols, byFile[structureFile]!.AsObject());
            CompareIngest(calc, tables, byFile);
        }
    }

    /// <summary>Every step ASE finds, and pymatgen's final energies, against our OUTCAR parser; the k-point list
    /// against what the KPOINTS mesh gives in a cell without symmetry.</summary>
    private void CompareOutcar(string file, Outcar ours, JsonObject theirs)
    {
        var ase = theirs["ase"]!.AsObject();
        var steps = ase["steps"]!.AsArray();
        Assert.True(ours.Steps.Count == steps.Count, $"{file}: ASE reads {steps.Count} ionic steps, we read {ours.Steps.Count}");
        for (int s = 0; s < steps.Count; s++)
        {
            var step = steps[s]!;
            var mine = ours.Steps[s];
            Near($"{file} step {s + 1} energy(sigma->0) (ASE)", mine.EnergySigma0, D(step["energy"]), EnergyTolerance);
            Near($"{file} step {s + 1} TOTEN (ASE free_energy)", mine.Toten, D(step["free_energy"]), EnergyTolerance);
            Near($"{file} step {s + 1} positions (ASE)", mine.Positions, Ds(step["positions"]), LengthTolerance);
            Near($"{file} step {s + 1} forces (ASE)", mine.Forces, Ds(step["forces"]), ForceTolerance);
            Near($"{file} step {s + 1} cell (ASE)", mine.Lattice, Ds(step["cell"]), LengthTolerance);
        }
        Assert.Equal(ours.SpeciesPerAtom(), Ss(ase["symbols"]));
        Assert.True(B(ase["spin_polarized"]), $"{file}: ASE reads ISPIN = 2 as not spin polarized");

        var pmg = theirs["pymatgen"]!.AsObject();
        Near($"{file} pymatgen final_energy", ours.LastStep!.EnergySigma0, D(pmg["final_energy"]), EnergyTolerance);
        Near($"{file} pymatgen final_fr_energy", ours.LastStep!.Toten, D(pmg["final_fr_energy"]), EnergyTolerance);

        int expected = IrreducibleCount(KpointMesh(Path.Combine(_data.DatasetPath, file)));
        Assert.True(expected == (int)D(ase["nkpts"]), $"{file}: ASE reads NKPTS = {ase["nkpts"]}, the KPOINTS mesh gives {expected}");
        Assert.Equal(expected, Ds(ase["ibz_kpoints"]).Length / 3);
        Assert.Equal(1.0, Ds(ase["kpoint_weights"]).Sum(), 3);
        var planeWaves = pmg["nplwvs_at_kpoints"]!.AsArray();
        Assert.True(expected == planeWaves.Count, $"{file}: pymatgen reads plane waves for {planeWaves.Count} k-points, expected {expected}");
        Assert.All(planeWaves, n => Assert.InRange(D(n), 1000, 1_000_000));
    }

    /// <summary>POSCAR/CONTCAR as ASE and pymatgen read them against our POSCAR parser.</summary>
    private void CompareStructure(string file, string[]? typeSymbols, JsonObject theirs)
    {
        var crystal = PoscarParser.Parse(Path.Combine(_data.DatasetPath, file), file).ToCrystal(typeSymbols);
        var cartesian = Cartesian(crystal.Lattice, crystal.Frac);
        var ase = theirs["ase"]!;
        var pmg = theirs["pymatgen"]!;
        Assert.Equal(crystal.Species, Ss(ase["symbols"]));
        Assert.Equal(crystal.Species, Ss(pmg["species"]));
        Near($"{file} cell (ASE)", crystal.Lattice, Ds(ase["cell"]), LengthTolerance);
        Near($"{file} lattice (pymatgen)", crystal.Lattice, Ds(pmg["lattice"]), LengthTolerance);
        Near($"{file} positions (ASE)", cartesian, Ds(ase["positions"]), LengthTolerance);
        Near($"{file} positions (pymatgen)", cartesian, Ds(pmg["positions"]), LengthTolerance);
    }

    /// <summary>The ingest tables the pipeline carries on (images, structures) against what ASE and pymatgen read.</summary>
    private static void CompareIngest(Calculation calc, Tables tables, JsonObject byFile)
    {
        var ase = byFile[calc.Outcar]!["ase"]!["steps"]!.AsArray()[^1]!;
        double pmgEnergy = D(byFile[calc.Outcar]!["pymatgen"]!["final_energy"]);
        if (calc.HopImage is { } image)
        {
            int row = tables.ImageRow(calc.CalcId, image);
            Near($"images[{calc.CalcId}, {image}].energy (ASE)", tables.Images.Doubles("energy")[row], D(ase["energy"]), EnergyTolerance);
            Near($"images[{calc.CalcId}, {image}].energy (pymatgen)", tables.Images.Doubles("energy")[row], pmgEnergy, EnergyTolerance);
            Near($"images[{calc.CalcId}, {image}].toten (ASE)", tables.Images.Doubles("toten")[row], D(ase["free_energy"]), EnergyTolerance);
        }
        if (calc.StructureId is not { } id) return;
        int s = Array.IndexOf(tables.Structures.Strings("calc_id"), id);
        Assert.True(s >= 0, $"structures table has no row {id}");
        var lattice = tables.Structures.DoubleLists("lattice")[s];
        var cartesian = Cartesian(lattice, tables.Structures.DoubleLists("frac")[s]);
        var structure = byFile[calc.StructureFiles[0]]!;
        Assert.Equal(tables.Structures.StringLists("species")[s], Ss(structure["ase"]!["symbols"]));
        Assert.Equal(tables.Structures.StringLists("species")[s], Ss(structure["pymatgen"]!["species"]));
        Near($"structures[{id}].lattice (ASE)", lattice, Ds(structure["ase"]!["cell"]), LengthTolerance);
        Near($"structures[{id}] positions (ASE)", cartesian, Ds(structure["ase"]!["positions"]), LengthTolerance);
        Near($"structures[{id}] positions (pymatgen)", cartesian, Ds(structure["pymatgen"]!["positions"]), LengthTolerance);
        Near($"structures[{id}].energy (ASE)", tables.Structures.Doubles("energy")[s], D(ase["energy"]), EnergyTolerance);
        Near($"structures[{id}].energy (pymatgen)", tables.Structures.Doubles("energy")[s], pmgEnergy, EnergyTolerance);
    }

    /// <summary>One calculation folder of the sample: an NEB image (hop id and image index) or a single point.</summary>
    private sealed record Calculation(string Folder, string Outcar, string[] StructureFiles, string CalcId, int? HopImage, string? StructureId)
    {
        public IEnumerable<string> Files() => [Outcar, .. StructureFiles];
    }

    /// <summary>Every image of the first three clean NEBs (three compositions) and every single point.</summary>
    private List<Calculation> Sample()
    {
        var sample = new List<Calculation>();
        foreach (var hop in _data.Truth.Hops.Where(h => h.Fault == "none").Take(3))
        {
            int last = hop.Images + 1;
            for (int k = 0; k <= last; k++)
            {
                string folder = $"{hop.CalcId}/{k:00}";
                bool endpoint = k == 0 || k == last;
                // The ingest reads CONTCAR where the image has one, else POSCAR (end points); list that one first.
                string[] structures = endpoint ? [$"{folder}/POSCAR"] : [$"{folder}/CONTCAR", $"{folder}/POSCAR"];
                sample.Add(new Calculation(folder, OutcarIn(folder), structures, hop.CalcId, k, endpoint ? folder : null));
            }
        }
        foreach (var dir in Directory.GetDirectories(Path.Combine(_data.DatasetPath, "sp")).Order(StringComparer.Ordinal))
        {
            string folder = "sp/" + Path.GetFileName(dir);
            sample.Add(new Calculation(folder, OutcarIn(folder), [$"{folder}/CONTCAR", $"{folder}/POSCAR"], folder, null, folder));
        }
        Assert.True(sample.Count >= 20, $"sample has only {sample.Count} calculations");
        return sample;
    }

    private string OutcarIn(string folder)
        => File.Exists(Path.Combine(_data.DatasetPath, folder, "OUTCAR")) ? $"{folder}/OUTCAR" : $"{folder}/OUTCAR.gz";

    private sealed record Tables(Pipeline.Abstractions.Table Images, Pipeline.Abstractions.Table Structures)
    {
        public int ImageRow(string calcId, int image)
        {
            var ids = Images.Strings("calc_id");
            var index = Images.Longs("image");
            for (int r = 0; r < ids.Length; r++)
                if (ids[r] == calcId && index[r] == image) return r;
            Assert.Fail($"images table has no row ({calcId}, {image})");
            return -1;
        }
    }

    private Tables Ingest()
    {
        using var output = new TempDirectory();
        var stage = new VaspNebIngestStage();
        var ctx = new TestStageContext(stage, output.Path, inputs: new Dictionary<string, string> { ["data"] = _data.DatasetPath });
        stage.Run(ctx);
        return new Tables(ctx.Tables["images"], ctx.Tables["structures"]);
    }

    /// <summary>Subdivisions of the Gamma-centred automatic KPOINTS next to (NEB image) or above an OUTCAR.</summary>
    private static int[] KpointMesh(string outcarPath)
    {
        var dir = Path.GetDirectoryName(outcarPath)!;
        var kpoints = File.Exists(Path.Combine(dir, "KPOINTS")) ? Path.Combine(dir, "KPOINTS") : Path.Combine(dir, "..", "KPOINTS");
        var lines = File.ReadAllLines(kpoints);
        Assert.StartsWith("G", lines[2].Trim(), StringComparison.OrdinalIgnoreCase);
        return lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
    }

    /// <summary>Irreducible points of a Gamma-centred n1 x n2 x n3 mesh under time reversal alone (k ~ -k): the
    /// points equal to their own inverse (each coordinate 0 or 1/2, two choices per even n) count once, the rest
    /// pair up.</summary>
    private static int IrreducibleCount(int[] mesh)
    {
        int total = mesh[0] * mesh[1] * mesh[2];
        int selfInverse = mesh.Aggregate(1, (p, n) => p * (n % 2 == 0 ? 2 : 1));
        return (total + selfInverse) / 2;
    }

    private static double[] Cartesian(double[] lattice, double[] frac)
    {
        var r = new double[frac.Length];
        for (int i = 0; i < frac.Length; i += 3)
            for (int c = 0; c < 3; c++)
                r[i + c] = frac[i] * lattice[c] + frac[i + 1] * lattice[3 + c] + frac[i + 2] * lattice[6 + c];
        return r;
    }

    private static void Near(string what, double expected, double actual, double tolerance)
        => Assert.True(Math.Abs(expected - actual) <= tolerance,
            string.Create(CultureInfo.InvariantCulture, $"{what}: ours {expected:R}, theirs {actual:R} (tolerance {tolerance})"));

    private static void Near(string what, double[] expected, double[] actual, double tolerance)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: ours has {expected.Length} values, theirs {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
            Near($"{what}[{i}]", expected[i], actual[i], tolerance);
    }

    private static double D(JsonNode? n) => n!.GetValue<double>();
    private static bool B(JsonNode? n) => n!.GetValue<bool>();
    private static double[] Ds(JsonNode? n) => n!.AsArray().Select(D).ToArray();
    private static string[] Ss(JsonNode? n) => n!.AsArray().Select(x => x!.GetValue<string>()).ToArray();
}
