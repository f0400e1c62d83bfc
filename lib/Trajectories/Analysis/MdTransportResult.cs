using Pipeline.Transport.Msd;

namespace Pipeline.Trajectories.Analysis;

/// <summary>What one trajectory gave: its MSD curves (whole run and per block), the transport coefficients with
/// block errors, and the settings actually used (so a reader can redo the analysis).</summary>
public sealed record MdTransportResult(
    string File, long Frames, int Atoms, int Ions, double TimeStepFs, int StepsPerFrame, double Temperature,
    double MeanVolume, int OriginStride, int MaxLag, MsdCurve Msd, IReadOnlyList<MsdCurve> BlockMsd,
    MsdTransport Transport, IReadOnlyList<string> Warnings)
{
    /// <summary>Time between stored frames, ps.</summary>
    public double FrameTimePs => TimeStepFs * StepsPerFrame / 1000.0;
}
