using Pipeline.Kmc.Barriers;
using Pipeline.Kmc.Engine;
using Pipeline.Kmc.Models;

namespace Pipeline.Kmc.Tests;

/// <summary>The event loop must not allocate (GC pauses would dominate 10^6-event runs).</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("constant")]
    [InlineData("kra+ce")]
    public void Steps_allocate_nothing(string barriers)
    {
        var lattice = Configurations.Drs(4, 0.5, 5);
        IBarrierProvider provider = barriers == "constant"
            ? new ConstantBarrier(0.3)
            : new OnTheFlyBarrier(LinearKraModel.Constant(0.3), new CeHopEnergy(ModelFiles.RandomCe(2, [1.0, 0.75]), lattice.Cell));
        var engine = new KmcEngine(lattice, provider, 600, 1e13, 3);
        for (int k = 0; k < 2000; k++) engine.Step(); // JIT tiers and first-touch paths
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 3000; k++) engine.Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
