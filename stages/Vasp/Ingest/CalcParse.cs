using Pipeline.Vasp.Neb;

namespace Pipeline.Vasp.Ingest;

/// <summary>The parameter-independent result of reading one calculation's raw files: a NEB band, a single-point
/// image, or a rejection. This is what the parse cache stores, keyed by the hashes of the raw files.</summary>
public sealed record CalcParse(NebBand? Band, NebImage? SinglePoint, Rejection? Rejection)
{
    public static CalcParse Rejected(Rejection r) => new(null, null, r);

    /// <summary>Combines the image parses of a NEB (in image order): the first image rejection wins; then every image
    /// must match image 00's atom count and species order. Climbing: the INCAR's LCLIMB, else VTST's LCLIMB echo in an
    /// intermediate OUTCAR, else false.</summary>
    public static CalcParse OfNeb(CalcPlan plan, IReadOnlyList<ImageParse> parses)
    {
        foreach (var p in parses)
        {
            if (p.Rejection is not null)
                return Rejected(p.Rejection);
        }
        var images = parses.Select(p => p.Image!).ToList();
        var first = images[0].Structure;
        for (int k = 1; k < images.Count; k++)
        {
            var s = images[k].Structure;
            var file = plan.Images[k].StructureFile;
            if (s.AtomCount != first.AtomCount)
                return Rejected(new Rejection(RejectionCodes.AtomCountMismatch,
                    $"image {plan.Images[k].Folder} has {s.AtomCount} atoms, image {plan.Images[0].Folder} has {first.AtomCount}", file, 0));
            if (!s.Species.AsSpan().SequenceEqual(first.Species))
                return Rejected(new Rejection(RejectionCodes.SpeciesOrderMismatch,
                    $"image {plan.Images[k].Folder} species order ({Formula.Runs(s.Species)}) differs from image {plan.Images[0].Folder} ({Formula.Runs(first.Species)})",
                    file, 0));
        }
        bool climbing = plan.IncarClimb
            ?? parses.Skip(1).Take(parses.Count - 2).Select(p => p.OutcarClimb).FirstOrDefault(c => c.HasValue)
            ?? false;
        return new CalcParse(new NebBand(images, climbing), null, null);
    }

    public static CalcParse OfSinglePoint(ImageParse parse)
        => parse.Rejection is not null ? Rejected(parse.Rejection) : new CalcParse(null, parse.Image, null);
}
