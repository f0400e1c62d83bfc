namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The header data of the PBE PAW potentials the synthetic studies use (the Materials Project's choices:
/// Li_sv, V_pv, Mn_pv, Ti_pv, Nb_pv, O, F), as OUTCAR echoes them. TITEL, VRHFIN, POMASS, ZVAL, ENMAX and ENMIN are
/// those of the released potentials; EATOM, RCORE and RWIGS of Mn_pv, Ti_pv and Nb_pv are representative values
/// (no reader of these files uses them).</summary>
internal sealed record Potcar(string Symbol, string Titel, string Vrhfin, double Pomass, double Zval, double Enmax,
    double Enmin, double Eatom, double Rcore, double Rwigs)
{
    public static Potcar For(string symbol) => symbol switch
    {
        "Li" => new("Li", "PAW_PBE Li_sv 10Sep2004", "Li: 1s2s2p", 7.010, 3.000, 499.034, 374.275, 202.1651, 1.600, 1.500),
        "V" => new("V", "PAW_PBE V_pv 07Sep2000", "V: 3p4s3d", 50.941, 11.000, 263.661, 197.746, 1956.7470, 2.300, 2.500),
        "Mn" => new("Mn", "PAW_PBE Mn_pv 02Aug2007", "Mn: 3p4s3d", 54.938, 13.000, 269.864, 202.398, 2565.6870, 2.300, 2.500),
        "Ti" => new("Ti", "PAW_PBE Ti_pv 07Sep2000", "Ti: 3p4s3d", 47.880, 10.000, 222.335, 166.751, 1042.5995, 2.300, 2.500),
        "Nb" => new("Nb", "PAW_PBE Nb_pv 08Apr2002", "Nb: 4p5s4d", 92.906, 11.000, 208.608, 156.456, 1547.8930, 2.500, 2.750),
        "O" => new("O", "PAW_PBE O 08Apr2002", "O: s2p4", 16.000, 6.000, 400.000, 300.000, 432.3788, 1.520, 1.550),
        "F" => new("F", "PAW_PBE F 08Apr2002", "F: s2p5", 18.998, 7.000, 400.000, 300.000, 659.4942, 1.520, 1.520),
        _ => throw new ArgumentException($"chemistry: no POTCAR data for element '{symbol}' (the synthesizer knows Li, V, Mn, Ti, Nb, O, F)"),
    };
}
