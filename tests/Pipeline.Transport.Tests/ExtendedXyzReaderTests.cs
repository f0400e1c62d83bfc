using Pipeline.Trajectories.Readers;
using Pipeline.Transport.Tests.Support;
using Pipeline.Vasp.Parsing;

namespace Pipeline.Transport.Tests;

public class ExtendedXyzReaderTests
{
    [Fact]
    public void Reads_cell_species_positions_and_run_conditions_from_the_comment_line()
    {
        using var dir = new TempDir();
        var path = dir.File("run.extxyz");
        File.WriteAllText(path, """
            2
            Lattice="4.0 0.0 0.0 0.0 5.0 0.0 0.0 0.0 2.0" Properties=species:S:1:pos:R:3:forces:R:3 time_step_fs=1.5 temperature=900 pbc="T T T"
            Li 1.0 2.5 0.5 0.1 0.2 0.3
            O  2.0 0.0 1.0 0.0 0.0 0.0
            2
            Lattice="4.0 0.0 0.0 0.0 5.0 0.0 0.0 0.0 2.0" Properties=species:S:1:pos:R:3:forces:R:3
            Li 5.0 2.5 0.5 0.1 0.2 0.3
            O  2.0 0.0 1.0 0.0 0.0 0.0
            """);
        using var reader = new ExtendedXyzReader(path);
        Assert.Equal(["Li", "O"], reader.Species);
        Assert.Equal(1.5, reader.TimeStepFs);
        Assert.Equal(900, reader.Temperature);
        var frame = new TrajectoryFrame(2);
        Assert.True(reader.TryRead(frame));
        Assert.Equal([0.25, 0.5, 0.25], frame.Fractional[..3]);
        Assert.True(reader.TryRead(frame));
        Assert.Equal(1.25, frame.Fractional[0]);
        Assert.False(reader.TryRead(frame));
        Assert.Equal(2, TrajectoryFiles.CountFrames(path));
    }

    [Fact]
    public void A_frame_without_a_lattice_or_with_other_atoms_is_an_error_naming_the_line()
    {
        using var dir = new TempDir();
        var path = dir.File("run.xyz");
        File.WriteAllText(path, "1\nProperties=species:S:1:pos:R:3\nLi 0 0 0\n");
        var e = Assert.Throws<VaspFormatException>(() => new ExtendedXyzReader(path).Dispose());
        Assert.Equal(2, e.Line);
        Assert.Contains("Lattice", e.Message);

        File.WriteAllText(path, "1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nLi 0 0 0\n1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nNa 0 0 0\n");
        using var reader = new ExtendedXyzReader(path);
        var frame = new TrajectoryFrame(1);
        Assert.True(reader.TryRead(frame));
        var changed = Assert.Throws<VaspFormatException>(() => reader.TryRead(frame));
        Assert.Equal(6, changed.Line);
        Assert.Contains("Na here and Li", changed.Message);
    }
}
