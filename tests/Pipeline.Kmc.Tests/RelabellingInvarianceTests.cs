using Pipeline.Contracts;
using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Lattice;
using Pipeline.Kmc.Models;
using Pipeline.RockSalt;

namespace Pipeline.Kmc.Tests;

/// <summary>Oracle: the kMC cannot see element names, only what the models make of them. A Li-Mn-Ti-O-F run whose
/// barrier model does not tell Mn from Ti (standard descriptors, TM = any other cation; a pair energy with the same
/// interactions for both) must be, event for event and bit for bit, the Li-V-O-F run with every Mn and Ti a V.</summary>
public sealed class RelabellingInvarianceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kmc-relabel-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0.6, 0.5, 11UL)]
    [InlineData(1.0, 0.2, 12UL)]
    public void Two_immobile_species_the_model_cannot_tell_apart_run_exactly_as_one(double x, double tiFraction, ulong seed)
    {
        var vanadium = Configurations.Drs(4, x, seed);
        var split = MultiCation.Relabel(vanadium, seed + 100, tiFraction);
        Assert.Contains(MultiCation.Mn, split.Cations);
        Assert.Contains(MultiCation.Ti, split.Cations);
        var immobile = split.Cations.ToArray();

        // The bundled-style KRA model file, once for Li-V-O-F and once declaring Li-Mn-Ti-O-F (standard set).
        var kraFile = BarrierModel.Load(ModelFiles.WriteKra(_dir));
        var kraV = new KraModelAdapter(kraFile, "v.json", Chemistry.LiVOF);
        var kraMnTi = new KraModelAdapter(ModelFiles.WithChemistry(kraFile, MultiCation.LiMnTiOF, DescriptorSet.Standard), "mnti.json",
            MultiCation.LiMnTiOF);
        var rng = new Random((int)seed);
        var shells = new[] { MultiCation.RandomShell(rng, 3), MultiCation.RandomShell(rng, 3) };
        var energyV = new PairHopEnergy(vanadium.Index, shells);
        var energyMnTi = new PairHopEnergy(split.Index, shells.Select(MultiCation.SplitV).ToArray());

        var a = new KmcEngine(vanadium, new OnTheFlyBarrier(kraV, energyV), 600, 1e13, seed);
        var b = new KmcEngine(split, new OnTheFlyBarrier(kraMnTi, energyMnTi), 600, 1e13, seed);
        for (int k = 0; k < 20_000; k++)
        {
            Assert.Equal(a.Step(), b.Step());
            if (a.LastHop != b.LastHop) Assert.Fail($"event {k}: hop {a.LastHop} against {b.LastHop}");
        }
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Time), BitConverter.DoubleToInt64Bits(b.Time));
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Events.TotalRate), BitConverter.DoubleToInt64Bits(b.Events.TotalRate));
        Assert.Equal(a.Lattice.SumSquaredDisplacement, b.Lattice.SumSquaredDisplacement);
        Assert.Equal(a.Lattice.CollectiveDisplacement, b.Lattice.CollectiveDisplacement);
        Assert.Equal(a.Jumps.ByGateTmUp, b.Jumps.ByGateTmUp);
        Assert.Equal(BitConverter.DoubleToInt64Bits(a.Jumps.BarrierSum), BitConverter.DoubleToInt64Bits(b.Jumps.BarrierSum));
        Assert.Equal(a.Lattice.Cations, MultiCation.AsVanadium(b.Lattice.Cations));
        // Only Li moved: every Mn and Ti is where it started.
        for (int i = 0; i < immobile.Length; i++)
            if (immobile[i] >= MultiCation.Mn) Assert.Equal(immobile[i], b.Lattice.Cations[i]);
        Assert.True(a.Jumps.ByGateTmUp[1] + a.Jumps.ByGateTmUp[2] > 0, "some hops must pass TM gates for the TM classification to be compared");
    }
}
