using Pipeline.Abstractions;
using Pipeline.MdTransport;
using Pipeline.MdTransport.Stage;
using Pipeline.Trajectories.Analysis;
using Pipeline.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Pipeline.Transport.Tests;

/// <summary>The md-transport stage end to end on XDATCARs of walkers whose hop probability follows an Arrhenius
/// law p(T) = exp(-Ea / k_B T): D(T) = p(T) a^2 / (6 dt) exactly, so the fitted Ea must be Ea and D(300 K) the
/// exact value, within their errors. Time step and temperature come from an INCAR beside each XDATCAR.</summary>
public class StageTests(ITestOutputHelper output)
{
    private const double Ea = 0.1;
    private static readonly double[] Temperatures = [600, 800, 1000];

    private static WalkerTrajectory Walkers(double temperature) => new()
    {
        Walkers = 48, Framework = 8, Frames = 6000, Seed = (int)temperature,
        HopProbability = Math.Exp(-Ea / (TransportUnits.Boltzmann * temperature)),
    };

    private static TempDir Dataset()
    {
        var dir = new TempDir();
        foreach (var t in Temperatures)
        {
            var run = Path.Combine(dir.Path, $"T{t}");
            Directory.CreateDirectory(run);
            WalkerTrajectory.WriteXdatcar(Walkers(t), Path.Combine(run, "XDATCAR"));
            // 2 fs x 50 steps per frame = 0.1 ps per frame.
            File.WriteAllText(Path.Combine(run, "INCAR"), $"IBRION = 0\nPOTIM = 2.0\nNBLOCK = 50\nTEBEG = {t}\nSMASS = 0\n");
        }
        return dir;
    }

    [Fact]
    public void Stage_recovers_the_arrhenius_law_of_the_walkers_and_writes_its_tables_and_plots()
    {
        using var data = Dataset();
        var stage = new MdTransportStage();
        // The walkers' hops do not conserve momentum (no framework recoil), so centre-of-mass removal would take a
        // share of their collective motion away: it is off for them (docs/MD_TRANSPORT.md, Method 2).
        using var ctx = new FakeStageContext(stage, new() { ["trajectories"] = data.Path }, new() { ["remove_drift"] = false });
        stage.Run(ctx);

        var observables = ctx.Tables["observables"];
        Assert.Equal(3, observables.RowCount);
        Assert.Equal(["T1000/XDATCAR", "T600/XDATCAR", "T800/XDATCAR"], observables.Strings("file"));
        Assert.Equal([1000.0, 600, 800], observables.Doubles("temperature_k"));
        Assert.All(observables.Doubles("frame_time_ps"), v => Assert.Equal(0.1, v, 1e-12));
        var d = observables.Doubles("d_tracer_cm2_s");
        var err = observables.Doubles("d_tracer_err_cm2_s");
        var temps = observables.Doubles("temperature_k");
        for (int i = 0; i < 3; i++)
        {
            double exact = Walkers(temps[i]).ExactTracer(0.1);
            output.WriteLine($"T = {temps[i]}: D* = {d[i]:E4} +- {err[i]:E2}, exact {exact:E4}");
            Assert.InRange(d[i], exact - 4 * err[i], exact + 4 * err[i]);
        }
        var haven = observables.Doubles("haven_ratio");
        var havenErr = observables.Doubles("haven_ratio_err");
        for (int i = 0; i < 3; i++) Assert.InRange(haven[i], 1 - 4 * havenErr[i], 1 + 4 * havenErr[i]);
        Assert.All(observables.Doubles("correlation_factor"), v => Assert.True(double.IsNaN(v)));
        Assert.All(observables.Bools("linear"), Assert.True);

        var arrhenius = ctx.Tables["arrhenius"];
        Assert.Equal(["d_tracer", "d_sigma"], arrhenius.Strings("quantity"));
        double ea = arrhenius.Doubles("ea_ev")[0], eaErr = arrhenius.Doubles("ea_err_ev")[0];
        output.WriteLine($"Ea = {ea:F4} +- {eaErr:F4} eV (exact {Ea})");
        Assert.InRange(ea, Ea - 4 * eaErr, Ea + 4 * eaErr);
        Assert.True(eaErr < 0.02, $"Ea error {eaErr} eV is too wide to mean anything");
        double d300 = arrhenius.Doubles("d_300k_cm2_s")[0], d300Err = arrhenius.Doubles("d_300k_err_cm2_s")[0];
        double exact300 = Walkers(300).ExactTracer(0.1);
        Assert.InRange(d300, exact300 - 4 * d300Err, exact300 + 4 * d300Err);
        Assert.Equal(3L, arrhenius.Longs("points")[0]);

        var msd = ctx.Tables["msd"];
        Assert.Equal(3, msd.Longs("run").Distinct().Count());
        Assert.Contains(true, msd.Bools("in_fit_window"));
        foreach (var name in new[] { "msd-loglog", "msd-linear", "arrhenius" })
        {
            Assert.True(new FileInfo(Path.Combine(ctx.OutputRoot, "plots", name + ".png")).Length > 1000);
            Assert.True(File.Exists(Path.Combine(ctx.OutputRoot, "plots", name + ".svg")));
        }
    }

    [Fact]
    public void Xdatcar_with_incar_gives_the_same_answer_as_the_walkers_in_memory()
    {
        using var data = Dataset();
        var fromFile = MdTransportAnalysis.Run(Path.Combine(data.Path, "T800", "XDATCAR"), new MdTransportOptions());
        var walkers = Walkers(800);
        var inMemory = MdTransportAnalysis.Analyze(walkers, walkers.Frames, 2.0, 50, 800, new MdTransportOptions());
        Assert.Equal(800, fromFile.Temperature);
        Assert.Equal(2.0, fromFile.TimeStepFs);
        Assert.Equal(50, fromFile.StepsPerFrame);
        // Only the 8 printed decimals of the fractional coordinates differ.
        Assert.Equal(inMemory.Transport.Tracer.Value, fromFile.Transport.Tracer.Value, inMemory.Transport.Tracer.Value * 1e-6);
        Assert.Equal(inMemory.Transport.Collective.Value, fromFile.Transport.Collective.Value, Math.Abs(inMemory.Transport.Collective.Value) * 1e-5);
    }

    [Fact]
    public void Params_override_the_incar_and_a_missing_time_step_is_a_clear_error()
    {
        using var data = Dataset();
        var path = Path.Combine(data.Path, "T600", "XDATCAR");
        var r = MdTransportAnalysis.Run(path, new MdTransportOptions { TimeStepFs = 1.0, StepsPerFrame = 10, Temperature = 650 });
        Assert.Equal(0.01, r.FrameTimePs, 1e-15);
        Assert.Equal(650, r.Temperature);
        File.Delete(Path.Combine(data.Path, "T600", "INCAR"));
        var e = Assert.Throws<Pipeline.Vasp.Parsing.VaspFormatException>(() => MdTransportAnalysis.Run(path, new MdTransportOptions()));
        Assert.Contains("time step", e.Message);
        Assert.Contains("XDATCAR", e.Message);
    }

    [Fact]
    public void Command_passes_a_single_file_as_its_folder_and_an_include_param()
    {
        var host = new RecordingHost();
        var command = Assert.Single(new MdTransportModule().Commands(host));
        using var dir = new TempDir();
        var file = dir.File("XDATCAR");
        File.WriteAllText(file, "");
        int exit = command.Parse([file, "--out", "outdir", "--time-step-fs", "2", "--temperatures", "900"]).Invoke();
        Assert.Equal(0, exit);
        Assert.Equal("md-transport", host.Stage!.Type);
        Assert.Equal(dir.Path, host.Inputs!["trajectories"]);
        Assert.Equal(new Dictionary<string, string> { ["time_step_fs"] = "2", ["temperatures"] = "900", ["include"] = "XDATCAR" }, host.Parameters);
    }

    private sealed class RecordingHost : IStageHost
    {
        public IStage? Stage;
        public IReadOnlyDictionary<string, string>? Parameters, Inputs;

        public int RunAdHoc(IStage stage, IReadOnlyDictionary<string, string> parameters, IReadOnlyDictionary<string, string> inputs, string outputDirectory)
        {
            (Stage, Parameters, Inputs) = (stage, parameters, inputs);
            return 0;
        }
    }
}
