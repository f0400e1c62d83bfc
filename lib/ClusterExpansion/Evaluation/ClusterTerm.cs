namespace Pipeline.ClusterExpansion;

/// <summary>One cluster seen from a site j: its block in the fixed-point delta pool, the stride of the changed site
/// s in j's code (0 for j's own template), and the other sites as (slot, stride) pairs.</summary>
internal sealed record ClusterTerm(int Table, int StrideOfChanged, int[] Slots, int[] Strides);
