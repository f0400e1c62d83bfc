namespace Pipeline.ClusterExpansion;

/// <summary>A set of basis-function assignments to the sites of an orbit's representative cluster that the
/// cluster's own symmetry maps onto each other. They share one ECI; the correlation function averages the product
/// of site functions over all members (and over all clusters of the orbit).</summary>
/// <param name="Functions">The representative assignment (lexicographically smallest member): one basis-function
/// index t >= 1 per site, in the representative's site order.</param>
/// <param name="Members">All assignments of the class, the representative included.</param>
public sealed record DecorationClass(int[] Functions, int[][] Members)
{
    public string Label => string.Join(",", Functions);
}
