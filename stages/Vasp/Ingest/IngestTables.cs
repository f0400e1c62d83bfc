using Pipeline.Abstractions;

namespace Pipeline.Vasp.Ingest;

/// <summary>The four output tables of an ingest, exactly as docs/CONTRACTS.md defines their columns.</summary>
public static class IngestTables
{
    public static Table Hops(IngestResult r)
    {
        var t = new TableBuilder()
            .Add("calc_id", ColumnType.String)
            .Add("n_images", ColumnType.Int64)
            .Add("energies", ColumnType.Float64List)
            .Add("toten", ColumnType.Float64List)
            .Add("e_forward", ColumnType.Float64)
            .Add("e_backward", ColumnType.Float64)
            .Add("e_reaction", ColumnType.Float64)
            .Add("e_kra", ColumnType.Float64)
            .Add("highest_image", ColumnType.Int64)
            .Add("moving_index", ColumnType.Int64)
            .Add("moving_species", ColumnType.String)
            .Add("hop_length", ColumnType.Float64)
            .Add("second_displacement", ColumnType.Float64)
            .Add("max_force", ColumnType.Float64List)
            .Add("climbing", ColumnType.Bool)
            .Add("lattice", ColumnType.Float64List)
            .Add("species", ColumnType.StringList)
            .Add("frac_initial", ColumnType.Float64List)
            .Add("frac_final", ColumnType.Float64List)
            .Add("moving_frac_saddle", ColumnType.Float64List)
            .Add("saddle_image", ColumnType.Int64)
            .Add("raw_hashes", ColumnType.String);
        foreach (var h in r.Hops)
        {
            var images = h.Band.Images;
            var a = h.Analysis;
            var initial = images[0].Structure;
            t.AddRow(h.CalcId, (long)images.Count, a.Energies, images.Select(i => i.Toten).ToArray(),
                a.EForward, a.EBackward, a.EReaction, a.EKra, (long)a.HighestImage, (long)a.MovingIndex, a.MovingSpecies,
                a.HopLength, a.SecondDisplacement, images.Select(i => i.MaxForce).ToArray(), h.Band.Climbing,
                initial.Lattice, initial.Species, initial.Frac, images[^1].Structure.Frac, a.MovingFracSaddle,
                (long)a.SaddleImage, h.RawHashes);
        }
        return t.Build();
    }

    public static Table Images(IngestResult r)
    {
        var t = new TableBuilder()
            .Add("calc_id", ColumnType.String)
            .Add("image", ColumnType.Int64)
            .Add("energy", ColumnType.Float64)
            .Add("toten", ColumnType.Float64)
            .Add("max_force", ColumnType.Float64)
            .Add("tangent_force", ColumnType.Float64)
            .Add("moving_frac", ColumnType.Float64List);
        foreach (var h in r.Hops)
        {
            for (int k = 0; k < h.Band.Images.Count; k++)
            {
                var image = h.Band.Images[k];
                t.AddRow(h.CalcId, (long)k, image.Energy, image.Toten, image.MaxForce, image.TangentForce, h.Analysis.MovingFrac[k]);
            }
        }
        return t.Build();
    }

    public static Table Structures(IngestResult r)
    {
        var t = new TableBuilder()
            .Add("calc_id", ColumnType.String)
            .Add("kind", ColumnType.String)
            .Add("lattice", ColumnType.Float64List)
            .Add("species", ColumnType.StringList)
            .Add("frac", ColumnType.Float64List)
            .Add("energy", ColumnType.Float64)
            .Add("toten", ColumnType.Float64)
            .Add("n_atoms", ColumnType.Int64);
        foreach (var h in r.Hops)
        {
            AddStructure(t, $"{h.CalcId}/{h.ImageFolders[0]}", "neb-initial", h.Band.Images[0]);
            AddStructure(t, $"{h.CalcId}/{h.ImageFolders[^1]}", "neb-final", h.Band.Images[^1]);
        }
        foreach (var sp in r.SinglePoints)
            AddStructure(t, sp.CalcId, "single-point", sp.Image);
        return t.Build();
    }

    public static Table Rejected(IngestResult r)
    {
        var t = new TableBuilder()
            .Add("calc_id", ColumnType.String)
            .Add("reason", ColumnType.String)
            .Add("file", ColumnType.String)
            .Add("line", ColumnType.Int64);
        foreach (var x in r.Rejected)
            t.AddRow(x.CalcId, x.Rejection.Reason, x.DatasetFile, x.Rejection.Line);
        return t.Build();
    }

    private static void AddStructure(TableBuilder t, string calcId, string kind, Neb.NebImage image)
    {
        var s = image.Structure;
        t.AddRow(calcId, kind, s.Lattice, s.Species, s.Frac, image.Energy, image.Toten, (long)s.AtomCount);
    }
}
