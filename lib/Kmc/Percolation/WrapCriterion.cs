namespace Pipeline.Kmc.Percolation;

/// <summary>When a cluster counts as spanning the periodic cell.</summary>
public enum WrapCriterion
{
    /// <summary>It wraps along at least one axis.</summary>
    AnyAxis,
    /// <summary>It wraps along x (one fixed axis).</summary>
    AxisX,
    /// <summary>It wraps along all three axes.</summary>
    AllAxes,
}

public static class WrapCriteria
{
    public static bool Holds(this WrapCriterion c, byte mask) => c switch
    {
        WrapCriterion.AnyAxis => mask != 0,
        WrapCriterion.AxisX => (mask & 1) != 0,
        _ => mask == 7,
    };
}
