using BenchmarkDotNet.Attributes;
using Pipeline.Trajectories.Analysis;

namespace Pipeline.Benchmarks;

/// <summary>MD transport on a generated 200-atom XDATCAR (64 Li random walkers, 136 vibrating O) of 10^5 frames
/// (~720 MB; written to the temp folder in setup, deleted after): count the frames, read, unwrap, remove drift,
/// multiple-origin MSD, fits. Target: at least 10x faster than ASE reading the file plus a NumPy MSD
/// (tests/Pipeline.Benchmarks/md-transport-vs-ase.sh measures both as whole processes).
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*MdTransport*'</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class MdTransportBenchmarks
{
    public const int Li = 64, O = 136;

    [Params(100_000)]
    public int Frames { get; set; }

    private string _dir = "";
    private string _xdatcar = "";

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "md-transport-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(_dir);
        _xdatcar = Path.Combine(_dir, "XDATCAR");
        WriteXdatcar(_xdatcar, Frames, seed: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Benchmark]
    public double ReadAndAnalyze()
        => MdTransportAnalysis.Run(_xdatcar, new MdTransportOptions { TimeStepFs = 2, StepsPerFrame = 50, Temperature = 1000 }).Transport.Tracer.Value;

    /// <summary>Writes a 200-atom cubic-cell XDATCAR: Li take Gaussian steps (0.3 A per component per frame), O vibrate
    /// (0.1 A) about fixed sites; coordinates wrapped into [0, 1) and printed with 8 decimals like VASP.</summary>
    public static void WriteXdatcar(string path, int frames, int seed)
    {
        const double box = 12.0;
        var random = new Random(seed);
        double Gaussian() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var li = new double[3 * Li];
        var sites = new double[3 * O];
        for (int i = 0; i < li.Length; i++) li[i] = random.NextDouble() * box;
        for (int i = 0; i < sites.Length; i++) sites[i] = random.NextDouble() * box;
        using var w = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 20);
        w.Write($"bench\n           1\n    {box:F6}    0.000000    0.000000\n    0.000000    {box:F6}    0.000000\n    0.000000    0.000000    {box:F6}\n   Li   O\n   {Li}   {O}\n");
        Span<char> buffer = stackalloc char[64];
        for (int f = 0; f < frames; f++)
        {
            w.Write("Direct configuration= ");
            w.Write(f + 1);
            w.Write('\n');
            for (int a = 0; a < Li + O; a++)
            {
                for (int c = 0; c < 3; c++)
                {
                    double x;
                    if (a < Li) { li[3 * a + c] += 0.3 * Gaussian(); x = li[3 * a + c]; }
                    else x = sites[3 * (a - Li) + c] + 0.1 * Gaussian();
                    double frac = x / box;
                    frac -= Math.Floor(frac);
                    frac.TryFormat(buffer, out int n, "F8", System.Globalization.CultureInfo.InvariantCulture);
                    w.Write("  ");
                    w.Write(buffer[..n]);
                }
                w.Write('\n');
            }
        }
    }
}
