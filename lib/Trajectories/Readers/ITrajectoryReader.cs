namespace Pipeline.Trajectories.Readers;

/// <summary>A trajectory read sequentially, frame by frame. Errors are <see cref="Pipeline.Vasp.Parsing.VaspFormatException"/>s
/// naming the file and line.</summary>
public interface ITrajectoryReader : IDisposable
{
    string File { get; }

    /// <summary>Element symbol of every atom, in file order.</summary>
    IReadOnlyList<string> Species { get; }

    /// <summary>Time step and temperature found in the file itself (extended XYZ keys); null when absent.</summary>
    double? TimeStepFs { get; }
    double? Temperature { get; }

    /// <summary>Reads the next frame into <paramref name="frame"/>, or only steps over it when null (counting).
    /// False at the end of the file.</summary>
    bool TryRead(TrajectoryFrame? frame);
}
