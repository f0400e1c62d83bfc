using Pipeline.Vasp.Parsing;

namespace Pipeline.Trajectories.Readers;

/// <summary>An ASE .traj trajectory through the ULM reader of the Vasp library. That reader loads the file at once
/// (ULM keeps an offset table at the end), so unlike XDATCAR and extended XYZ a .traj must fit in memory.</summary>
public sealed class AseTrajReader : ITrajectoryReader
{
    private readonly IReadOnlyList<AseFrame> _frames;
    private readonly double[] _inverse = new double[9];
    private int _next;

    public AseTrajReader(string path, string? displayName = null)
    {
        File = displayName ?? path;
        _frames = AseTrajectoryReader.Read(path, File);
        if (_frames.Count == 0) throw new VaspFormatException(File, 0, "the trajectory has no frames");
        Species = _frames[0].Numbers.Select(Elements.Symbol).ToArray();
    }

    public string File { get; }
    public IReadOnlyList<string> Species { get; }
    public double? TimeStepFs => null;
    public double? Temperature => null;

    public bool TryRead(TrajectoryFrame? frame)
    {
        if (_next >= _frames.Count) return false;
        var f = _frames[_next];
        if (f.Numbers.Length != Species.Count)
            throw new VaspFormatException(File, 0, $"frame {_next} has {f.Numbers.Length} atoms, the first frame {Species.Count}");
        if (frame is not null)
        {
            f.Cell.CopyTo(frame.Cell, 0);
            f.Positions.CopyTo(frame.Fractional, 0);
            CellMath.Invert(f.Cell, _inverse);
            CellMath.ToFractional(frame.Fractional, _inverse);
            frame.Index = _next;
        }
        _next++;
        return true;
    }

    public void Dispose()
    {
    }
}
