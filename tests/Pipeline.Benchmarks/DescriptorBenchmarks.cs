using BenchmarkDotNet.Attributes;
using Pipeline.RockSalt;

namespace Pipeline.Benchmarks;

/// <summary>Descriptor vectors per second on an in-memory lattice, as the kMC computes them on the fly: hop anatomy
/// from the neighbour tables plus the 11 descriptors, for random Li -> vacancy hops in a random 20x20x20 conventional
/// cell (32000 cation sites). Target: at least 1e6 vectors/s on one core, no allocation. The same for a 3-TM
/// chemistry (Li-Mn-Ti-Nb-O-F) with both descriptor sets of <see cref="DescriptorSet"/> (standard: 11 values;
/// element: 19), as the kMC of a multi-TM study calls them.
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
        SetupMultiTm(rng);
    }

    private static readonly Chemistry LiMnTiNbOF = new("Li", ["Mn", "Ti", "Nb"], ["O", "F"]);
    private byte[] _tmCations = null!;
    private byte[] _tmAnions = null!;
    private int[] _tmInitial = null!;
    private int[] _tmDirection = null!;
    private DescriptorSet _standard = null!;
    private DescriptorSet _element = null!;
    private double[] _standardOutput = null!;
    private double[] _elementOutput = null!;

    /// <summary>Li0.5 Mn0.15 Ti0.1 Nb0.1 Vac0.15 on the cations, O0.8 F0.2 on the anions.</summary>
    private void SetupMultiTm(Random rng)
    {
        _tmCations = new byte[_cell.CationCount];
        _tmAnions = new byte[_cell.AnionCount];
        byte li = Chemistry.Mobile, mn = LiMnTiNbOF.Code("Mn"), ti = LiMnTiNbOF.Code("Ti"), nb = LiMnTiNbOF.Code("Nb");
        for (int i = 0; i < _tmCations.Length; i++)
        {
            double u = rng.NextDouble();
            _tmCations[i] = u < 0.5 ? li : u < 0.65 ? mn : u < 0.75 ? ti : u < 0.85 ? nb : Chemistry.Vacancy;
        }
        for (int j = 0; j < _tmAnions.Length; j++)
            _tmAnions[j] = rng.NextDouble() < 0.8 ? LiMnTiNbOF.Code("O") : LiMnTiNbOF.Code("F");
        _tmInitial = new int[Hops];
        _tmDirection = new int[Hops];
        for (int k = 0; k < Hops;)
        {
            int i = rng.Next(_tmCations.Length), d = rng.Next(12);
            if (_tmCations[i] != li || _tmCations[_cell.CationNeighbor(i, d)] != Chemistry.Vacancy) continue;
            _tmInitial[k] = i;
            _tmDirection[k] = d;
            k++;
        }
        _standard = DescriptorSet.Create(DescriptorSet.Standard, LiMnTiNbOF);
        _element = DescriptorSet.Create(DescriptorSet.ElementResolved, LiMnTiNbOF);
        _standardOutput = new double[_standard.Count];
        _elementOutput = new double[_element.Count];
    }

    /// <summary>One operation = one hop of Li-Mn-Ti-Nb-O-F: anatomy + the standard set (11 values).</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double MultiTmStandardSet() => MultiTm(_standard, _standardOutput);

    /// <summary>One operation = one hop of Li-Mn-Ti-Nb-O-F: anatomy + the element set (19 values).</summary>
    [Benchmark(OperationsPerInvoke = Hops)]
    public double MultiTmElementSet() => MultiTm(_element, _elementOutput);

    private double MultiTm(DescriptorSet set, double[] buffer)
    {
        var hop = new HopAnatomy();
        var output = buffer.AsSpan();
        double checksum = 0;
        for (int k = 0; k < Hops; k++)
        {
            _cell.Anatomy(_tmInitial[k], _tmDirection[k], ref hop);
            set.Compute(hop, _tmCations, _tmAnions, 0.0, output);
            checksum += output[0] + output[^2];
        }
        return checksum;
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
