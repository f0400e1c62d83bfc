using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Analysis;

/// <summary>Time step, steps per frame and temperature of a run: explicit options win, then the files (INCAR POTIM,
/// NBLOCK and TEBEG beside an XDATCAR; the reader's own keys), else a clear error.</summary>
public static class RunConditions
{
    public static (double TimeStepFs, int StepsPerFrame, double Temperature) Resolve(string path, string displayName,
        Readers.ITrajectoryReader reader, MdTransportOptions options)
    {
        Incar? incar = null;
        var incarPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "INCAR");
        if (System.IO.File.Exists(incarPath)) incar = Incar.Parse(incarPath);
        double? dt = options.TimeStepFs ?? reader.TimeStepFs ?? incar?.Double("POTIM");
        int steps = options.StepsPerFrame ?? incar?.Int("NBLOCK") ?? 1;
        double? t = options.Temperature ?? reader.Temperature ?? incar?.Double("TEBEG");
        if (dt is not > 0)
            throw new VaspFormatException(displayName, 0, "no MD time step: give time_step_fs, or put an INCAR with POTIM beside the XDATCAR");
        if (t is not > 0)
            throw new VaspFormatException(displayName, 0, "no temperature: give temperature_k, or put an INCAR with TEBEG beside the XDATCAR");
        if (steps < 1)
            throw new VaspFormatException(displayName, 0, $"steps per frame (NBLOCK) is {steps}, must be at least 1");
        return (dt.Value, steps, t.Value);
    }
}
