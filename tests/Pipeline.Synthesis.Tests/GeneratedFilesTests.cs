using Pipeline.RockSalt;
using Pipeline.Synthesis.Tests.Support;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Synthesis.Tests;

/// <summary>The written VASP files, read back independently, agree with truth.yaml.</summary>
public class GeneratedFilesTests(SmallDataset data) : IClassFixture<SmallDataset>
{
    private IEnumerable<TruthFile.Hop> CleanHops => data.Truth.Hops.Where(h => h.Fault == "none");

    [Fact]
    public void Folder_layout_is_a_vasp_neb_campaign()
    {
        Assert.Equal(12, Directory.GetDirectories(Path.Combine(data.DatasetPath, "neb")).Length);
        Assert.Equal(4, Directory.GetDirectories(Path.Combine(data.DatasetPath, "sp")).Length);
        foreach (var hop in CleanHops)
        {
            string root = Path.Combine(data.DatasetPath, hop.CalcId);
            Assert.Contains($"IMAGES   = {hop.Images}", File.ReadAllLines(Path.Combine(root, "INCAR")));
            Assert.True(File.Exists(Path.Combine(root, "KPOINTS")));
            var images = Directory.GetDirectories(root).Select(Path.GetFileName).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, hop.Images + 2).Select(k => k.ToString("D2")), images);
            foreach (var image in images)
            {
                var files = Directory.GetFiles(Path.Combine(root, image!)).Select(f => Path.GetFileName(f)!).ToArray();
                bool endpoint = image == "00" || image == (hop.Images + 1).ToString("D2");
                var outcar = files.Single(f => f!.StartsWith("OUTCAR", StringComparison.Ordinal));
                string[] expected = endpoint ? ["POSCAR", outcar!] : ["CONTCAR", outcar!, "POSCAR"];
                Assert.Equal(expected.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
            }
        }
        foreach (var sp in Directory.GetDirectories(Path.Combine(data.DatasetPath, "sp")))
            foreach (var f in new[] { "INCAR", "KPOINTS", "POSCAR", "CONTCAR" })
                Assert.True(File.Exists(Path.Combine(sp, f)), $"{sp}/{f}");
    }

    [Fact]
    public void The_small_study_covers_all_three_paths()
        => Assert.Equal(["down", "straight", "up"], CleanHops.Select(h => h.Path).Distinct().Order());

    [Fact]
    public void Descriptors_and_path_label_read_back_from_the_structures_equal_the_truth()
    {
        foreach (var hop in CleanHops)
        {
            string root = Path.Combine(data.DatasetPath, hop.CalcId);
            var initial = MiniVasp.ReadPoscar(Path.Combine(root, "00", "POSCAR"));
            var final = MiniVasp.ReadPoscar(Path.Combine(root, (hop.Images + 1).ToString("D2"), "POSCAR"));
            var map = new MiniMapper(initial);

            // Moving ion: the atom that moves most between the end points (DOMAIN.md section 3).
            int moving = Enumerable.Range(0, initial.Species.Length)
                .MaxBy(i => Distance(MiniVasp.Cartesian(initial, i), MiniVasp.Cartesian(final, i)));
            Assert.Equal("Li", initial.Species[moving]);
            var iSite = map.Points[moving];
            var fSite = map.Point(MiniVasp.Cartesian(final, moving), out _);
            int direction = HopGeometry.NeighborDirection(map.Cell.MinimumImage(fSite - iSite));
            fSite = iSite + HopGeometry.NeighborVectors[direction];
            var anatomy = new HopAnatomy();
            map.Cell.Anatomy(map.Cell.CationIndex(iSite), direction, ref anatomy);
            Assert.Equal((byte)Species.Vac, map.Cations[anatomy.Final]);
            var d = new double[HopDescriptors.KraCount];
            bool t1Up = HopDescriptors.Compute(anatomy, map.Cations, map.Anions, 0, d);
            Assert.Equal(hop.Descriptors.Take(HopDescriptors.KraCount), d);

            // Path label from the saddle (middle) image: h = (p - m).u / (a/4) (DOMAIN.md section 3).
            var saddle = MiniVasp.ReadPoscar(Path.Combine(root, ((hop.Images + 1) / 2).ToString("D2"), "CONTCAR"));
            var p = MiniVasp.Cartesian(saddle, moving);
            var u = HopDescriptors.UpDirection(direction, t1Up);
            double hcoord = 0;
            double[] m = [(iSite.X + fSite.X) * map.A / 4, (iSite.Y + fSite.Y) * map.A / 4, (iSite.Z + fSite.Z) * map.A / 4];
            double[] uv = [u.X, u.Y, u.Z];
            for (int c = 0; c < 3; c++) hcoord += (p[c] - m[c]) * uv[c];
            hcoord /= map.A / 4;
            Assert.Equal(hop.Path, HopDescriptors.PathLabel(hcoord));
            Assert.True(Math.Abs(Math.Abs(hcoord) - (hop.Path == "straight" ? 0 : 1)) < 0.05, $"{hop.CalcId}: h = {hcoord}");
        }
    }

    [Fact]
    public void The_projects_structure_mapper_gives_the_truth_descriptors_and_labels()
    {
        // What featurize does: map the initial structure, find the hop, orient it, read h at the saddle image.
        foreach (var hop in CleanHops)
        {
            string root = Path.Combine(data.DatasetPath, hop.CalcId);
            var initial = MiniVasp.ReadPoscar(Path.Combine(root, "00", "POSCAR"));
            var final = MiniVasp.ReadPoscar(Path.Combine(root, (hop.Images + 1).ToString("D2"), "POSCAR"));
            var ideal = StructureMapper.FitLattice(initial.Lattice, initial.Species, initial.Frac, "00/POSCAR");
            var start = StructureMapper.MapOnto(ideal, initial.Species, initial.Frac, "00/POSCAR");
            var end = StructureMapper.MapOnto(ideal, final.Species, final.Frac, "NN/POSCAR");
            int moving = Enumerable.Range(0, initial.Species.Length).Single(i => start.AtomSite[i] != end.AtomSite[i]);
            int from = start.AtomSite[moving], to = end.AtomSite[moving];
            var cell = start.Cell;
            int direction = HopGeometry.NeighborDirection(cell.MinimumImage(cell.CationPosition(to) - cell.CationPosition(from)));
            var anatomy = new HopAnatomy();
            cell.Anatomy(from, direction, ref anatomy);
            var d = new double[HopDescriptors.KraCount];
            bool t1Up = HopDescriptors.Compute(anatomy, start.Cations, start.Anions, 0, d);
            Assert.Equal(hop.Descriptors.Take(HopDescriptors.KraCount), d);

            var saddle = MiniVasp.ReadPoscar(Path.Combine(root, ((hop.Images + 1) / 2).ToString("D2"), "CONTCAR"));
            var q = ideal.LatticeCoordinates(saddle.Frac, moving);
            var mid = ideal.LatticeCoordinates(initial.Frac, moving).Round();
            var u = HopDescriptors.UpDirection(direction, t1Up);
            var v = HopGeometry.NeighborVectors[direction];
            // In units of a/2 the up centre lies 1/2 from the midpoint along u.
            double h = ((q.X - mid.X - v.X / 2.0) * u.X + (q.Y - mid.Y - v.Y / 2.0) * u.Y + (q.Z - mid.Z - v.Z / 2.0) * u.Z) / 0.5;
            Assert.Equal(hop.Path, HopDescriptors.PathLabel(h));
        }
    }

    [Fact]
    public void Outcar_energies_equal_the_truth_and_the_middle_image_is_the_saddle()
    {
        foreach (var hop in CleanHops)
        {
            string root = Path.Combine(data.DatasetPath, hop.CalcId);
            var e = Enumerable.Range(0, hop.Images + 2).Select(k => MiniVasp.LastEnergy(Path.Combine(root, k.ToString("D2")))).ToArray();
            Assert.Equal(hop.EInitial, e[0], 1e-7);
            Assert.Equal(hop.EFinal, e[^1], 1e-7);
            Assert.Equal((hop.Images + 1) / 2, Array.IndexOf(e, e.Max()));
            // DOMAIN.md section 3 definitions applied to the written energies.
            Assert.Equal(hop.EForward, e.Max() - e[0], 1e-6);
            Assert.Equal(hop.EBackward, e.Max() - e[^1], 1e-6);
            Assert.Equal(hop.EKra, e.Max() - (e[0] + e[^1]) / 2, 1e-6);
            Assert.Equal(hop.DeltaE, e[^1] - e[0], 1e-6);
        }
        var truthSingles = ((YamlDotNet.RepresentationModel.YamlSequenceNode)data.Truth["single_points"]).Children
            .Cast<YamlDotNet.RepresentationModel.YamlMappingNode>();
        foreach (var sp in truthSingles)
            Assert.Equal(TruthFile.D(sp, "energy"), MiniVasp.LastEnergy(Path.Combine(data.DatasetPath, TruthFile.S(sp, "calc_id"))), 1e-7);
    }

    [Fact]
    public void Energies_are_dft_like_per_atom()
    {
        foreach (var hop in CleanHops)
        {
            var s = MiniVasp.ReadPoscar(Path.Combine(data.DatasetPath, hop.CalcId, "00", "POSCAR"));
            Assert.InRange(hop.EInitial / s.Species.Length, -7.0, -5.0);
        }
    }

    [Fact]
    public void Outcars_parse_with_the_projects_vasp_parser()
    {
        var hop = CleanHops.First();
        string root = Path.Combine(data.DatasetPath, hop.CalcId);
        for (int k = 0; k < hop.Images + 2; k++)
        {
            string dir = Path.Combine(root, k.ToString("D2"));
            string file = File.Exists(Path.Combine(dir, "OUTCAR")) ? Path.Combine(dir, "OUTCAR") : Path.Combine(dir, "OUTCAR.gz");
            var outcar = OutcarParser.Parse(file);
            Assert.True(outcar.Finished);
            Assert.Equal(["Li", "V", "O", "F"], outcar.TypeSymbols!);
            Assert.Equal(SmallDataset.Settings.IonicSteps, outcar.Steps.Count);
            Assert.All(outcar.Steps, s => Assert.True(s.ElectronicConverged));
            Assert.Equal(MiniVasp.LastEnergy(dir), outcar.LastStep!.EnergySigma0, 1e-9);
            bool intermediate = k > 0 && k <= hop.Images;
            Assert.Equal(intermediate, !double.IsNaN(outcar.TangentForce));
            Assert.True(outcar.LastStep.MaxForce() < (intermediate ? 2.0 : 0.05));
        }
    }

    [Fact]
    public void Planted_faults_are_where_truth_yaml_says()
    {
        var faults = data.Truth.Faults;
        Assert.Equal(["images-mismatch", "missing-image", "truncated-outcar"], faults.Select(f => f.Kind).Order());
        foreach (var f in faults)
        {
            string path = Path.Combine(data.DatasetPath, f.File);
            var hop = data.Truth.Hops.Single(h => h.CalcId == f.CalcId);
            Assert.Equal(f.Kind, hop.Fault);
            switch (f.Kind)
            {
                case "missing-image":
                    Assert.False(Directory.Exists(path));
                    Assert.Equal(hop.Images + 1, Directory.GetDirectories(Path.Combine(data.DatasetPath, f.CalcId)).Length);
                    break;
                case "images-mismatch":
                    Assert.DoesNotContain($"IMAGES   = {hop.Images}", File.ReadAllLines(path));
                    Assert.Equal(hop.Images + 2, Directory.GetDirectories(Path.Combine(data.DatasetPath, f.CalcId)).Length);
                    break;
                default:
                    var lines = MiniVasp.OutcarLines(Path.GetDirectoryName(path)!);
                    Assert.DoesNotContain(lines, l => l.Contains("General timing and accounting", StringComparison.Ordinal));
                    Assert.Contains(lines, l => l.StartsWith(" POSITION", StringComparison.Ordinal));
                    break;
            }
        }
    }

    private static double Distance(double[] a, double[] b)
        => Math.Sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}
