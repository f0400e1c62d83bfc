namespace Pipeline.ClusterExpansion.Tests;

public class ProjectBuilds
{
    [Fact]
    public void Assembly_loads() => Assert.NotNull(typeof(ProjectBuilds).Assembly.GetName().Name);
}
