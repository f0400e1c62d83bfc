using Pipeline.Vasp.Neb;

namespace Pipeline.Vasp.Ingest;

/// <summary>The parameter-dependent checks on a parsed band (DOMAIN.md section 3: one moving ion, and it is the
/// mobile species). Shared by the VASP and ASE ingests.</summary>
public static class HopAcceptance
{
    /// <param name="finalStructureFile">File (calculation-relative) holding image N's geometry, named in rejections.</param>
    public static Rejection? Check(NebAnalysis a, IngestOptions options, string finalStructureFile)
    {
        if (a.HopLength < options.MinHopLength)
            return new Rejection(RejectionCodes.NoIonMoves,
                $"no atom moves {options.MinHopLength} A or more between the first and last image (largest: atom {a.MovingIndex}, {a.HopLength:F4} A)",
                finalStructureFile, 0);
        if (a.SecondIndex >= 0 && a.SecondDisplacement > options.SecondMoverRatio * a.HopLength)
            return new Rejection(RejectionCodes.MultipleIonsMoving,
                $"atom {a.SecondIndex} moves {a.SecondDisplacement:F3} A, more than {options.SecondMoverRatio} x the {a.HopLength:F3} A of atom {a.MovingIndex} ({a.MovingSpecies})",
                finalStructureFile, 0);
        if (!string.Equals(a.MovingSpecies, options.MobileSpecies, StringComparison.Ordinal))
            return new Rejection(RejectionCodes.NotMobileSpecies,
                $"the moving ion is atom {a.MovingIndex} ({a.MovingSpecies}, {a.HopLength:F3} A), not {options.MobileSpecies}",
                finalStructureFile, 0);
        return null;
    }
}
