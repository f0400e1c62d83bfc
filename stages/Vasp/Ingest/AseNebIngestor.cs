using Pipeline.Vasp.Neb;
using Pipeline.Vasp.Parsing;
using Pipeline.Vasp.Structure;

namespace Pipeline.Vasp.Ingest;

/// <summary>Ingests ASE trajectory files, one NEB band per file (frames = images 0..N, energies and forces from the
/// single-point calculator), into the same result as the VASP ingest. calc_id is the dataset-relative path without
/// ".traj"; endpoint structures are "calc_id/00" and "calc_id/NN". TOTEN is the calculator's free_energy (NaN when
/// the file has none), the tangent force is NaN and climbing false (a trajectory does not record them). The files
/// are small, so they are parsed every run (no parse cache).</summary>
public static class AseNebIngestor
{
    /// <param name="input">A folder (searched recursively for <paramref name="pattern"/>) or one .traj file.</param>
    /// <param name="pattern">File-name pattern with * and ? wildcards, e.g. "*.traj" or "neb-*.traj".</param>
    public static IngestResult Ingest(string input, string pattern, IngestOptions options, CancellationToken cancellation = default)
    {
        var (root, files) = FindFiles(input, pattern);
        var outcomes = new (NebBand? Band, Rejection? Rejection, string Hash)[files.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellation };
        Parallel.For(0, files.Count, parallel, i =>
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace(Path.DirectorySeparatorChar, '/');
            var (band, rejection) = ReadBand(files[i], relative);
            outcomes[i] = (band, rejection, RawFileHasher.HashFile(files[i]));
        });

        var result = new IngestResult { ParsedCalculations = files.Count };
        for (int i = 0; i < files.Count; i++)
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace(Path.DirectorySeparatorChar, '/');
            var calcId = relative.EndsWith(".traj", StringComparison.OrdinalIgnoreCase) ? relative[..^5] : relative;
            var (band, rejection, hash) = outcomes[i];
            NebAnalysis? analysis = null;
            if (band is not null)
            {
                analysis = NebAnalysis.Of(band);
                rejection = HopAcceptance.Check(analysis, options, "");
            }
            if (rejection is not null)
            {
                result.Rejected.Add(new RejectedCalc(calcId, rejection, relative));
                continue;
            }
            var folders = Enumerable.Range(0, band!.Images.Count).Select(k => k.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            result.Hops.Add(new AcceptedHop(calcId, band, analysis!, $"{relative}={hash}", folders));
        }
        return result;
    }

    private static (string Root, List<string> Files) FindFiles(string input, string pattern)
    {
        var full = Path.GetFullPath(input);
        if (File.Exists(full))
            return (Path.GetDirectoryName(full)!, [full]);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"ASE input '{input}' is neither a folder nor a file");
        var files = Directory.EnumerateFiles(full, pattern, SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        return (full, files);
    }

    private static (NebBand? Band, Rejection? Rejection) ReadBand(string path, string relative)
    {
        IReadOnlyList<AseFrame> frames;
        try
        {
            frames = AseTrajectoryReader.Read(path, relative);
        }
        catch (VaspFormatException e)
        {
            return (null, new Rejection(RejectionCodes.MalformedFile, e.Problem, "", e.Line));
        }
        if (frames.Count < 3)
            return (null, new Rejection(RejectionCodes.ImageCount, $"{frames.Count} frames; a NEB band needs at least 3 images", "", 0));
        var first = frames[0].Numbers;
        if (first.FirstOrDefault(z => z < 1 || z > Elements.MaxAtomicNumber) is var bad && bad != 0)
            return (null, new Rejection(RejectionCodes.MalformedFile, $"frame 0 has atomic number {bad}", "", 0));
        var images = new List<NebImage>(frames.Count);
        for (int k = 0; k < frames.Count; k++)
        {
            var f = frames[k];
            if (f.Numbers.Length != first.Length)
                return (null, new Rejection(RejectionCodes.AtomCountMismatch, $"frame {k} has {f.Numbers.Length} atoms, frame 0 has {first.Length}", "", 0));
            if (!f.Numbers.AsSpan().SequenceEqual(first))
                return (null, new Rejection(RejectionCodes.SpeciesOrderMismatch, $"frame {k} lists its atoms in a different species order from frame 0", "", 0));
            if (double.IsNaN(f.Energy))
                return (null, new Rejection(RejectionCodes.NoEnergy, $"frame {k} has no calculator energy", "", 0));
            if (!double.IsFinite(f.Energy) || !AllFinite(f.Positions) || !AllFinite(f.Cell) || (f.Forces is { } fs && !AllFinite(fs)))
                return (null, new Rejection(RejectionCodes.MalformedFile, $"frame {k} has a non-finite energy, position, cell or force", "", 0));
            if (Math.Abs(LatticeMath.Determinant(f.Cell)) < 1e-9)
                return (null, new Rejection(RejectionCodes.MalformedFile, $"frame {k} has a zero-volume cell", "", 0));
            var species = f.Numbers.Select(Elements.Symbol).ToArray();
            var crystal = new Crystal(f.Cell, species, LatticeMath.ToFractional(f.Cell, f.Positions));
            images.Add(new NebImage(crystal, f.Energy, f.FreeEnergy, MaxForce(f.Forces), double.NaN));
        }
        return (new NebBand(images, Climbing: false), null);
    }

    private static bool AllFinite(double[] values) => Array.TrueForAll(values, double.IsFinite);

    private static double MaxForce(double[]? forces)
    {
        if (forces is null)
            return double.NaN;
        double max = 0;
        for (int i = 0; i < forces.Length; i += 3)
            max = Math.Max(max, Math.Sqrt(forces[i] * forces[i] + forces[i + 1] * forces[i + 1] + forces[i + 2] * forces[i + 2]));
        return max;
    }
}
