using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Vasp.Ingest;

/// <summary>The parse of one image folder (or single-point folder): an image, or why it cannot be used.</summary>
public sealed record ImageParse(NebImage? Image, bool? OutcarClimb, Rejection? Rejection);

/// <summary>Reads one image: its OUTCAR (energies, forces, convergence, completeness) and its structure file
/// (species from the file, else from the OUTCAR), and checks that the two describe the same atoms.</summary>
public static class ImageReader
{
    public static ImageParse Read(CalcPlan calc, PlannedImage image)
    {
        if (image.IsVasprun)
            return ReadVasprun(calc, image);
        var outcarFile = image.OutcarFile;
        Outcar outcar;
        try
        {
            outcar = OutcarParser.Parse(calc.FullPath(outcarFile), outcarFile);
        }
        catch (VaspFormatException e)
        {
            return Reject(RejectionCodes.MalformedFile, e.Problem, outcarFile, e.Line);
        }
        catch (IOException e)
        {
            return Reject(RejectionCodes.MalformedFile, $"cannot read: {e.Message}", outcarFile, 0);
        }

        if (outcar.IsEmpty)
            return Reject(RejectionCodes.EmptyOutcar, "OUTCAR is empty", outcarFile, 0);
        if (!outcar.Finished)
            return Reject(RejectionCodes.TruncatedOutcar,
                $"OUTCAR ends after {outcar.LineCount} lines without the closing 'General timing and accounting' / 'Total CPU time used' lines",
                outcarFile, outcar.LineCount);
        if (outcar.LastStep is not { } last)
            return Reject(RejectionCodes.NoEnergy, "no ionic step with an energy(sigma->0) line", outcarFile, 0);
        if (!last.ElectronicConverged)
            return Reject(RejectionCodes.NotConverged,
                $"last ionic step stopped after {last.ElectronicSteps} electronic steps (NELM = {outcar.Nelm}) without 'aborting loop because EDIFF is reached'",
                outcarFile, last.EnergyLine);

        if (image.RequireStatic && !outcar.IsStatic)
            return Reject(RejectionCodes.MissingFile,
                $"no CONTCAR, and {outcarFile} is not a static run (NSW = {outcar.Nsw}, IBRION = {outcar.Ibrion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not echoed"}), so POSCAR is not its final structure",
                "CONTCAR", 0);

        var structureFile = image.StructureFile;
        Structure.Crystal crystal;
        try
        {
            crystal = PoscarParser.Parse(calc.FullPath(structureFile), structureFile).ToCrystal(outcar.TypeSymbols);
        }
        catch (VaspFormatException e)
        {
            return Reject(RejectionCodes.MalformedFile, e.Problem, structureFile, e.Line);
        }
        catch (IOException e)
        {
            return Reject(RejectionCodes.MalformedFile, $"cannot read: {e.Message}", structureFile, 0);
        }

        if (outcar.IonCount > 0 && outcar.IonCount != crystal.AtomCount)
            return Reject(RejectionCodes.AtomCountMismatch,
                $"{structureFile} has {crystal.AtomCount} atoms, {outcarFile} has NIONS = {outcar.IonCount}", structureFile, 0);
        if (outcar.SpeciesPerAtom() is { } outcarSpecies && !outcarSpecies.AsSpan().SequenceEqual(crystal.Species))
            return Reject(RejectionCodes.SpeciesOrderMismatch,
                $"{structureFile} species order ({Formula.Runs(crystal.Species)}) differs from {outcarFile} ({Formula.Runs(outcarSpecies)})",
                structureFile, 0);
        if (last.Positions.Length > 0 && last.Positions.Length != 3 * crystal.AtomCount)
            return Reject(RejectionCodes.AtomCountMismatch,
                $"{outcarFile} last POSITION block has {last.Positions.Length / 3} atoms, {structureFile} has {crystal.AtomCount}", outcarFile, last.EnergyLine);

        var nebImage = new NebImage(crystal, last.EnergySigma0, last.Toten, last.MaxForce(), outcar.TangentForce);
        return new ImageParse(nebImage, outcar.NebClimbing, null);
    }

    /// <summary>An image whose energies come from vasprun.xml (no OUTCAR): its final structure, unless the folder
    /// also has a POSCAR/CONTCAR chosen by the scanner (which must then list the same atoms).</summary>
    private static ImageParse ReadVasprun(CalcPlan calc, PlannedImage image)
    {
        var file = image.OutcarFile;
        Vasprun run;
        try
        {
            run = VasprunReader.Read(calc.FullPath(file), file);
        }
        catch (VaspFormatException e)
        {
            return Reject(RejectionCodes.MalformedFile, e.Problem, file, e.Line);
        }
        catch (IOException e)
        {
            return Reject(RejectionCodes.MalformedFile, $"cannot read: {e.Message}", file, 0);
        }
        if (!run.Finished)
            return Reject(RejectionCodes.TruncatedOutcar, "vasprun.xml ends without its closing </modeling> tag", file, 0);
        if (run.Nelm > 0 && run.ElectronicSteps >= run.Nelm)
            return Reject(RejectionCodes.NotConverged,
                $"last ionic step ran {run.ElectronicSteps} electronic steps = NELM: not converged", file, 0);
        var crystal = run.FinalStructure;
        if (image.StructureFile != file)
        {
            try
            {
                var types = Formula.TypeSymbols(crystal.Species);
                crystal = PoscarParser.Parse(calc.FullPath(image.StructureFile), image.StructureFile).ToCrystal(types);
            }
            catch (VaspFormatException e)
            {
                return Reject(RejectionCodes.MalformedFile, e.Problem, image.StructureFile, e.Line);
            }
            if (!crystal.Species.AsSpan().SequenceEqual(run.FinalStructure.Species))
                return Reject(RejectionCodes.SpeciesOrderMismatch,
                    $"{image.StructureFile} ({Formula.Runs(crystal.Species)}) and {file} ({Formula.Runs(run.FinalStructure.Species)}) list different atoms",
                    image.StructureFile, 0);
        }
        return new ImageParse(new NebImage(crystal, run.EnergySigma0, run.Toten, run.MaxForce(), double.NaN), null, null);
    }

    private static ImageParse Reject(string code, string detail, string file, long line)
        => new(null, null, new Rejection(code, detail, file, line));
}
