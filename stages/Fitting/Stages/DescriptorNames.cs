namespace Pipeline.Fitting.Stages;

/// <summary>The 11 descriptors of DOMAIN.md section 4 in the features-table order (CONTRACTS.md).</summary>
public static class DescriptorNames
{
    public static readonly string[] All =
    [
        "gate_tm_up", "gate_tm_down", "gate_li_up", "gate_li_down", "dumbbell_f", "apex_f_up", "apex_f_down",
        "back_f", "nn_tm_initial", "nn_tm_final", "delta_e",
    ];

    /// <summary>Descriptors 1-11: the forward-barrier model's inputs.</summary>
    public static string[] Forward => All;

    /// <summary>Descriptors 1-10 (no delta_e): the KRA-barrier model's and the path classifier's inputs.</summary>
    public static string[] Kra => All[..10];
}
