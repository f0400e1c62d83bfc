namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The header data of the PBE PAW potentials a Li-V-O-F calculation uses, as OUTCAR echoes them.</summary>
internal sealed record Potcar(string Symbol, string Titel, string Vrhfin, double Pomass, double Zval, double Enmax,
    double Enmin, double Eatom, double Rcore, double Rwigs)
{
    public static Potcar For(string symbol) => symbol switch
    {
        "Li" => new("Li", "PAW_PBE Li_sv 10Sep2004", "Li: 1s2s2p", 7.010, 3.000, 499.034, 374.275, 202.1651, 1.600, 1.500),
        "V" => new("V", "PAW_PBE V_pv 07Sep2000", "V: 3p4s3d", 50.941, 11.000, 263.661, 197.746, 1956.7470, 2.300, 2.500),
        "O" => new("O", "PAW_PBE O 08Apr2002", "O: s2p4", 16.000, 6.000, 400.000, 300.000, 432.3788, 1.520, 1.550),
        "F" => new("F", "PAW_PBE F 08Apr2002", "F: s2p5", 18.998, 7.000, 400.000, 300.000, 659.4942, 1.520, 1.520),
        _ => throw new ArgumentException($"no POTCAR data for element '{symbol}'"),
    };
}
