namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Per-element DFT+U settings of the synthetic studies, as the Materials Project's GGA+U set uses them:
/// Dudarev U on the d states of V (3.25 eV), Mn (3.9), Cr (3.7), Fe (5.3), Co (3.32), Ni (6.2) and Mo (4.38);
/// none on Ti, Nb, Zr and the main-group elements. Initial moments are high-spin d counts (MAGMOM).</summary>
internal static class ElementSettings
{
    /// <summary>Hubbard U (eV) of an element; 0 when the element gets none.</summary>
    public static double HubbardU(string symbol) => symbol switch
    {
        "V" => 3.25,
        "Mn" => 3.9,
        "Cr" => 3.7,
        "Fe" => 5.3,
        "Co" => 3.32,
        "Ni" => 6.2,
        "Mo" => 4.38,
        _ => 0,
    };

    /// <summary>Initial magnetic moment (mu_B) per atom of an element in MAGMOM.</summary>
    public static double InitialMoment(string symbol) => symbol switch
    {
        "V" => 2.0,
        "Mn" => 5.0,
        "Cr" => 3.0,
        "Fe" => 5.0,
        "Co" => 3.0,
        "Ni" => 2.0,
        "Mo" => 2.0,
        _ => 0.0,
    };
}
