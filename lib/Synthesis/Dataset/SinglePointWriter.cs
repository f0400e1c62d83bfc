using Pipeline.Synthesis.Geometry;
using Pipeline.Synthesis.Model;
using Pipeline.Synthesis.VaspWriters;

namespace Pipeline.Synthesis.Stage;

/// <summary>Writes one relaxed random configuration: INCAR, KPOINTS, POSCAR (ideal sites), CONTCAR (relaxed), OUTCAR.</summary>
internal static class SinglePointWriter
{
    public static void Write(DatasetPlan plan, SinglePointPlan sp, string datasetDirectory)
    {
        var s = plan.Settings;
        var layout = AtomLayout.For(plan.Topology, sp.Cations, sp.Anions, plan.Chemistry.Chemistry);
        var frame = new CellFrame(plan.Topology, sp.Composition.LatticeConstant);
        var rng = SeededRandom.For(s.Seed, SeededRandom.Purpose.SinglePointGeometry, sp.Index);
        var ideal = CalculationFiles.IdealPositions(layout, frame.A);
        var relaxed = CalculationFiles.Add(ideal, Relaxation.Displacements(layout.Count, s.DisplacementSigma, rng));
        var steps = IonicSteps.Relaxation(ideal, relaxed, sp.Energy, s.IonicSteps, rng);

        string dir = Path.Combine(datasetDirectory, sp.CalcId);
        Directory.CreateDirectory(dir);
        string system = CalculationFiles.SystemName(sp.Composition, sp.CalcId);
        var incar = IncarSettings.Relaxation(system, layout.TypeSymbols, CalculationFiles.Magmom(layout));
        var mesh = KpointsWriter.Mesh([frame.Length(0), frame.Length(1), frame.Length(2)]);
        IncarWriter.Write(Path.Combine(dir, "INCAR"), incar);
        KpointsWriter.Write(Path.Combine(dir, "KPOINTS"), mesh);
        PoscarWriter.Write(Path.Combine(dir, "POSCAR"), system, layout, frame, ideal);
        PoscarWriter.Write(Path.Combine(dir, "CONTCAR"), system, layout, frame, relaxed);
        OutcarWriter.Write(Path.Combine(dir, "OUTCAR"), new OutcarContent
        {
            Title = system,
            Layout = layout,
            Frame = frame,
            Incar = incar,
            KpointMesh = mesh,
            Steps = steps,
            StartDate = CalculationFiles.StartDate(10000 + sp.Index, 0),
            Magnetization = CalculationFiles.Magnetization(plan.Chemistry, sp.Composition),
        }, sp.Gzip);
    }
}
