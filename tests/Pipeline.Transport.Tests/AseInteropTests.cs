using System.Globalization;
using System.Text.Json;
using Pipeline.Trajectories.Analysis;
using Pipeline.Trajectories.Readers;
using Pipeline.Transport.Tests.Support;

namespace Pipeline.Transport.Tests;

/// <summary>Agreement with an independent reader: ASE 3.22 (Debian python3-ase) reads the same files
/// (Python/ase_reference.py). Frames, cells and coordinates must agree; a NumPy MSD over ASE's frames with the same
/// lags, origins and window must give the same D* within 1 %; extended XYZ and .traj files written by ASE must read
/// back as the XDATCAR they came from.</summary>
public class AseInteropTests
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    [AseFact]
    public void Ase_reads_the_real_xdatcars_frame_for_frame_as_we_do()
    {
        // XDATCAR_4 (blank-line frames) is left out: ASE 3.22 stops after its first frame.
        foreach (var name in new[] { "XDATCAR.MD", "XDATCAR_5", "XDATCAR_6" })
        {
            using var json = JsonDocument.Parse(Python.Script("ase_reference.py", "frames", Data(name)));
            var root = json.RootElement;
            using var reader = new XdatcarReader(Data(name));
            Assert.Equal(root.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()!), reader.Species);
            var frame = new TrajectoryFrame(reader.Species.Count);
            int n = 0;
            var cells = root.GetProperty("cells").EnumerateArray().ToList();
            var scaled = root.GetProperty("scaled").EnumerateArray().ToList();
            while (reader.TryRead(frame))
            {
                var cell = cells[n].EnumerateArray().Select(v => v.GetDouble()).ToArray();
                var frac = scaled[n].EnumerateArray().Select(v => v.GetDouble()).ToArray();
                for (int i = 0; i < 9; i++) Assert.Equal(cell[i], frame.Cell[i], 1e-9);
                for (int i = 0; i < frac.Length; i++) Assert.Equal(frac[i], frame.Fractional[i], 1e-9);
                n++;
            }
            Assert.Equal(root.GetProperty("frames").GetInt32(), n);
        }
    }

    [AseFact]
    public void A_numpy_msd_over_ase_frames_gives_the_same_tracer_D_within_one_percent()
    {
        using var dir = new TempDir();
        var walkers = new WalkerTrajectory { Walkers = 24, Framework = 4, Frames = 3000, Seed = 21 };
        var path = dir.File("XDATCAR");
        WalkerTrajectory.WriteXdatcar(walkers, path);
        var options = new MdTransportOptions { TimeStepFs = 100, StepsPerFrame = 1, Temperature = 1000, RemoveDrift = false, OriginStride = 3 };
        var ours = MdTransportAnalysis.Run(path, options);
        var window = ours.Transport.Window;
        var lags = string.Join(",", ours.Msd.LagTimes.Select(t => ((int)Math.Round(t / ours.FrameTimePs)).ToString(CultureInfo.InvariantCulture)));
        var stdout = Python.Script("ase_reference.py", "msd", path, "Li", "0.1", lags, "3",
            window.Start.ToString("R", CultureInfo.InvariantCulture), window.End.ToString("R", CultureInfo.InvariantCulture));
        double reference = JsonDocument.Parse(stdout).RootElement.GetProperty("d_tracer_cm2_s").GetDouble();
        Assert.Equal(reference, ours.Transport.Tracer.Value, reference * 0.01);
    }

    [AseFact]
    public void Extended_xyz_and_traj_written_by_ase_read_back_as_the_xdatcar()
    {
        using var dir = new TempDir();
        var walkers = new WalkerTrajectory { Walkers = 6, Framework = 2, Frames = 50, Seed = 4, Vibration = 0.1 };
        var path = dir.File("XDATCAR");
        WalkerTrajectory.WriteXdatcar(walkers, path);
        Python.Script("ase_reference.py", "convert", path, dir.Path);
        var expected = Frames(path);
        foreach (var other in new[] { "walkers.extxyz", "walkers.traj" })
        {
            var frames = Frames(dir.File(other));
            Assert.Equal(expected.Count, frames.Count);
            for (int f = 0; f < frames.Count; f++)
            {
                for (int i = 0; i < 9; i++) Assert.Equal(expected[f].Cell[i], frames[f].Cell[i], 1e-9);
                for (int i = 0; i < expected[f].Fractional.Length; i++)
                {
                    // Same point modulo the lattice (ASE may store another image).
                    double d = frames[f].Fractional[i] - expected[f].Fractional[i];
                    Assert.True(Math.Abs(d - Math.Round(d)) < 1e-7, $"{other} frame {f} coordinate {i}: {frames[f].Fractional[i]} vs {expected[f].Fractional[i]}");
                }
            }
        }
    }

    private static List<(double[] Cell, double[] Fractional)> Frames(string path)
    {
        using var reader = TrajectoryFiles.Open(path);
        var frame = new TrajectoryFrame(reader.Species.Count);
        var frames = new List<(double[], double[])>();
        while (reader.TryRead(frame)) frames.Add(((double[])frame.Cell.Clone(), (double[])frame.Fractional.Clone()));
        Assert.Equal(["Li", "Li", "Li", "Li", "Li", "Li", "O", "O"], reader.Species);
        return frames;
    }
}
