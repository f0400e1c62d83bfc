namespace Pipeline.Kmc.Tests;

/// <summary>A test that runs only with PIPELINE_LONG_TESTS=1 (minutes rather than seconds).</summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("PIPELINE_LONG_TESTS") != "1")
            Skip = "long test: set PIPELINE_LONG_TESTS=1 to run it";
    }
}
