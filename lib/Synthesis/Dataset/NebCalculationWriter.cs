using Pipeline.RockSalt;
using Pipeline.Synthesis.Geometry;
using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Stage;

/// <summary>Writes one NEB folder: INCAR, KPOINTS, and image folders 00..NN (end points: POSCAR + the OUTCAR of the
/// end-point relaxation; intermediate images: POSCAR from linear interpolation, CONTCAR, OUTCAR), with the hop's
/// planted fault if it has one.</summary>
internal static class NebCalculationWriter
{
    public static void Write(DatasetPlan plan, HopPlan hop, string datasetDirectory)
    {
        var s = plan.Settings;
        var sampled = hop.Hop;
        var composition = sampled.Composition;
        var cell = plan.Topology;
        var layout = AtomLayout.For(cell, sampled.Cations, sampled.Anions, plan.Chemistry.Chemistry);
        var frame = new CellFrame(cell, composition.LatticeConstant);
        var anatomy = sampled.Anatomy;
        int moving = layout.IndexOf(cell.CationPosition(anatomy.Initial));
        var v = HopGeometry.NeighborVectors[anatomy.Direction];
        var up = HopDescriptors.UpDirection(anatomy.Direction, sampled.T1IsUp);
        var offset = hop.Barrier.Path switch
        {
            HopPath.Up => (0.5 * up.X, 0.5 * up.Y, 0.5 * up.Z),
            HopPath.Down => (-0.5 * up.X, -0.5 * up.Y, -0.5 * up.Z),
            _ => (0.0, 0.0, 0.0),
        };

        var rng = SeededRandom.For(s.Seed, SeededRandom.Purpose.HopGeometry, hop.Index);
        var uInitial = Relaxation.Displacements(layout.Count, s.DisplacementSigma, rng);
        var uFinal = Relaxation.Perturbed(uInitial, s.DisplacementSigma, rng);
        int m = hop.Images + 2;
        var images = NebImagePath.Images(layout, frame.A, moving, v, offset, uInitial, uFinal, m);
        var profile = hop.Profile;
        var energies = new double[m];
        for (int k = 0; k < m; k++) energies[k] = profile.At((double)k / (m - 1));
        var bandSteps = NebBand.Steps(images, energies, profile, s.IonicSteps, rng);

        string root = Path.Combine(datasetDirectory, hop.CalcId);
        Directory.CreateDirectory(root);
        string system = CalculationFiles.SystemName(composition, hop.CalcId);
        var magmom = CalculationFiles.Magmom(layout);
        var nebIncar = IncarSettings.Neb(system, hop.Images, layout.TypeSymbols, magmom);
        var mesh = KpointsWriter.Mesh([frame.Length(0), frame.Length(1), frame.Length(2)]);
        IncarWriter.Write(Path.Combine(root, "INCAR"), nebIncar,
            hop.Fault == FaultKind.ImagesMismatch ? hop.Images + 2 : null);
        KpointsWriter.Write(Path.Combine(root, "KPOINTS"), mesh);

        var endpointIncar = IncarSettings.Relaxation(system, layout.TypeSymbols, magmom);
        for (int k = 0; k < m; k++)
        {
            if (hop.Fault == FaultKind.MissingImage && hop.FaultImage == k) continue;
            string dir = Path.Combine(root, k.ToString("D2"));
            Directory.CreateDirectory(dir);
            bool endpoint = k == 0 || k == m - 1;
            OutcarStep[] steps;
            if (endpoint)
            {
                var ideal = k == 0
                    ? CalculationFiles.IdealPositions(layout, frame.A)
                    : CalculationFiles.IdealPositions(layout, frame.A, moving, cell.CationPosition(anatomy.Initial) + v);
                steps = IonicSteps.Relaxation(ideal, images[k], energies[k], s.IonicSteps, rng);
                PoscarWriter.Write(Path.Combine(dir, "POSCAR"), system, layout, frame, images[k]);
            }
            else
            {
                steps = bandSteps[k]!;
                PoscarWriter.Write(Path.Combine(dir, "POSCAR"), system, layout, frame, steps[0].Positions);
                PoscarWriter.Write(Path.Combine(dir, "CONTCAR"), system, layout, frame, images[k]);
            }
            var content = new OutcarContent
            {
                Title = system,
                Layout = layout,
                Frame = frame,
                Incar = endpoint ? endpointIncar : nebIncar,
                KpointMesh = mesh,
                Steps = steps,
                StartDate = CalculationFiles.StartDate(hop.Index, endpoint ? k * 2 : 90),
                Magnetization = CalculationFiles.Magnetization(plan.Chemistry, composition),
            };
            string outcar = Path.Combine(dir, "OUTCAR");
            if (hop.Fault == FaultKind.TruncatedOutcar && hop.FaultImage == k)
                OutcarWriter.WriteTruncated(outcar, content, hop.Gzip, linesIntoLastPositions: 2 + layout.Count / 2);
            else
                OutcarWriter.Write(outcar, content, hop.Gzip);
        }
    }
}
