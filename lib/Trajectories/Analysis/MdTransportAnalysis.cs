using System.Globalization;
using Pipeline.Trajectories.Readers;
using Pipeline.Transport.Msd;
using Pipeline.Transport.Unwrapping;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Analysis;

/// <summary>Transport from one MD trajectory: count the frames, then stream them once through unwrapping, drift
/// removal and the multiple-origin MSD (memory independent of the trajectory length), and fit D*, D_sigma, the
/// distinct part, H_R and sigma over the diffusive window with block-averaged errors.</summary>
public static class MdTransportAnalysis
{
    public static MdTransportResult Run(string path, MdTransportOptions options, string? displayName = null,
        CancellationToken cancellation = default)
    {
        var name = displayName ?? path;
        long total = TrajectoryFiles.CountFrames(path, name, options.SpeciesNames);
        using var reader = TrajectoryFiles.Open(path, name, options.SpeciesNames);
        var (dt, stepsPerFrame, temperature) = RunConditions.Resolve(path, name, reader, options);
        return Analyze(reader, total, dt, stepsPerFrame, temperature, options, cancellation);
    }

    /// <summary>The analysis of an open reader positioned at its first frame, with <paramref name="total"/> frames.</summary>
    public static MdTransportResult Analyze(ITrajectoryReader reader, long total, double dt, int stepsPerFrame,
        double temperature, MdTransportOptions options, CancellationToken cancellation = default)
    {
        var name = reader.File;
        var species = reader.Species;
        int[] mobile = Enumerable.Range(0, species.Count).Where(i => species[i] == options.MobileSpecies).ToArray();
        if (mobile.Length == 0)
            throw new VaspFormatException(name, 0, $"no {options.MobileSpecies} atoms (species: {string.Join(" ", species.Distinct())})");
        long frames = total - options.SkipFrames;
        int blocks = options.Blocks;
        long segment = frames / Math.Max(blocks, 1);
        int maxLag = (int)Math.Min(int.MaxValue - 1, (long)Math.Floor(segment * options.MaxLagFraction));
        if (blocks < 1 || maxLag < 4)
            throw new VaspFormatException(name, 0, string.Create(CultureInfo.InvariantCulture,
                $"{total} frames ({options.SkipFrames} skipped) are too few for {blocks} blocks with a maximum lag of {options.MaxLagFraction} of a block (need a lag of at least 4 frames)"));
        int stride = options.OriginStride > 0 ? options.OriginStride : Math.Max(1, maxLag / 1000);
        var lags = LagSet.UpTo(maxLag);
        var msd = new MultipleOriginMsd(mobile.Length, frames, lags, stride, blocks);

        var frame = new TrajectoryFrame(species.Count);
        var unwrapper = new PeriodicUnwrapper(species.Count);
        var drift = options.RemoveDrift ? new DriftCorrection(species.Select(AtomicMasses.Of).ToArray()) : null;
        var positions = new double[3 * mobile.Length];
        double volumeSum = 0;
        long used = 0;
        for (long f = 0; f < options.SkipFrames; f++)
            if (!reader.TryRead(null)) break;
        while (used < frames && reader.TryRead(frame))
        {
            if ((used & 4095) == 0) cancellation.ThrowIfCancellationRequested();
            unwrapper.Step(frame.Fractional, frame.Cell);
            var all = unwrapper.Positions;
            var (dx, dy, dz) = drift is null ? (0.0, 0.0, 0.0) : drift.Drift(all);
            for (int m = 0; m < mobile.Length; m++)
            {
                int a = 3 * mobile[m];
                positions[3 * m] = all[a] - dx;
                positions[3 * m + 1] = all[a + 1] - dy;
                positions[3 * m + 2] = all[a + 2] - dz;
            }
            msd.Add(positions);
            volumeSum += CellMath.Volume(frame.Cell);
            used++;
        }
        if (used != frames)
            throw new VaspFormatException(name, 0, $"the file changed while it was read ({used} of {frames} frames)");

        double frameTime = dt * stepsPerFrame / 1000.0;
        var full = msd.Result(frameTime);
        var perBlock = Enumerable.Range(0, blocks).Select(b => msd.BlockResult(b, frameTime)).ToList();
        var window = DiffusiveWindow.Choose(maxLag * frameTime, options.FitStartPs, options.FitEndPs);
        double volume = volumeSum / used;
        var transport = MsdTransport.From(full, perBlock, window, options.Dimensions, mobile.Length, volume, temperature, options.Charge);
        var warnings = Warnings(name, transport, options);
        return new MdTransportResult(name, frames, species.Count, mobile.Length, dt, stepsPerFrame, temperature, volume,
            stride, maxLag, full, perBlock, transport, warnings);
    }

    private static List<string> Warnings(string name, MsdTransport t, MdTransportOptions options)
    {
        var warnings = new List<string>();
        double slope = t.TracerFit.LogLogSlope;
        if (!double.IsFinite(slope) || Math.Abs(slope - 1) > options.LinearityTolerance)
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name}: the tracer MSD is not linear in the fit window [{t.Window.Start:G4}, {t.Window.End:G4}] ps (log-log slope {slope:0.00}, diffusion gives 1): D* is not a diffusion coefficient there; run longer or set fit_start_ps/fit_end_ps"));
        if (t.TracerFit.Points < 5)
            warnings.Add($"{name}: only {t.TracerFit.Points} MSD points in the fit window");
        return warnings;
    }
}
