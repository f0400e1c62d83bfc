using BenchmarkDotNet.Attributes;
using Pipeline.RockSalt;

namespace Pipeline.Benchmarks;

/// <summary>Descriptor vectors per second on an in-memory lattice, as the kMC computes them on the fly: hop anatomy
/// from the neighbour tables plus the 11 descriptors, for random Li -> vacancy hops in a random 20x20x20 conventional
/// cell (32000 cation sites). Target: at least 1e6 vectors/s on one core, no allocation.
/// Run: dotnet run -c Release --project tests/Pipeline.Benchmarks -- --filter '*Descriptor*'</summary>
[MemoryDiagnoser]
public class DescriptorBenchmarks
{
    private const int Hops = 4096;

    private RockSaltSupercell _cell = null!;
    private byte[] _cations = null!;
    private byte[] _anions = null!;
    private int[] _initial = null!;
    private int[] _direction = null!;
    private double[] _output = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(2021);
        _cell = RockSaltSupercell.Cubic(20, 4.1);
        _cations = new byte[_cell.CationCount];
        _anions = new byte[_cell.AnionCount];
        // Li(2-x)VO2F at x = 0.5: per 3 cation sites 1.5 Li, 1 V, 0.5 vacancy; anions 2 O : 1 F.
        for (int i = 0; i < _cations.Length; i++)
        {
            double u = rng.NextDouble();
            _cations[i] = (byte)(u < 0.5 ? Species.Li : u < 5.0 / 6 ? Species.V : Species.Vac);
        }
        for (int j = 0; j < _anions.Length; j++) _anions[j] = (byte)(rng.NextDouble() < 2.0 / 3 ? Species.O : Species.F);

        _initial = new int[Hops];
        _direction = new int[Hops];
        for (int k = 0; k < Hops;)
        {
            int i = rng.Next(_cations.Length), d = rng.Next(12);
            if (_cations[i] != (byte)Species.Li || _cations[_cell.CationNeighbor(i, d)] != (byte)Species.Vac) continue;
            _initial[k] = i;
            _direction[k] = d;
            k++;
        }
        _output = new double[HopDescriptors.Count];
    }

    /// <summary>One operation = one hop: anatomy + 11 descriptors.</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double AnatomyAndDescriptors()
    {
        var hop = new HopAnatomy();
        var output = _output.AsSpan();
        double checksum = 0;
        for (int k = 0; k < Hops; k++)
        {
            _cell.Anatomy(_initial[k], _direction[k], ref hop);
            HopDescriptors.Compute(hop, _cations, _anions, 0.0, output);
            checksum += output[0] + output[8];
        }
        return checksum;
    }
}
