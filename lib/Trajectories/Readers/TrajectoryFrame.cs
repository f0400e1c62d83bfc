namespace Pipeline.Trajectories.Readers;

/// <summary>One frame, filled in place by a reader (no allocation per frame): the cell rows a1, a2, a3 (9 doubles,
/// Angstrom) and the fractional coordinates of every atom (3 per atom, any periodic image).</summary>
public sealed class TrajectoryFrame(int atoms)
{
    public double[] Cell { get; } = new double[9];
    public double[] Fractional { get; } = new double[3 * atoms];

    /// <summary>0-based index of the frame in the file.</summary>
    public long Index { get; set; }

    public int Atoms => Fractional.Length / 3;
}
