using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Vasp.Tests.Support;

/// <summary>One ionic step of a synthetic OUTCAR.</summary>
public sealed record SyntheticStep(double Energy, double[] Cartesian, double[] Forces, bool Converged = true, double? Tangent = null)
{
    public double Toten => Energy - 0.01;
}

/// <summary>Writes small OUTCARs with the line layout of VASP 5.4.4 (copied in shape from the real fixture:
/// POTCAR/VRHFIN/TITEL header, NIONS and ions-per-type lines, electronic iterations whose own TOTEN lines
/// differ from the ionic-step energy, EDIFF line, lattice, POSITION/TOTAL-FORCE, FREE ENERGIE block, VTST tangent
/// line, timing footer), so parser rules can be tested on cases the fixture does not contain.</summary>
public sealed class SyntheticOutcar
{
    public required string[] Types { get; init; }
    public required int[] Counts { get; init; }
    public required double[] Lattice { get; init; }
    public required List<SyntheticStep> Steps { get; init; }
    public int Nelm { get; init; } = 8;
    public bool Finished { get; init; } = true;
    public bool? NebClimbEcho { get; init; }

    /// <summary>VASP &lt;= 5.2 order: each step's FREE ENERGIE block comes before its POSITION/TOTAL-FORCE block.</summary>
    public bool EnergyBeforePositions { get; init; }

    public string Text()
    {
        var s = new StringBuilder();
        s.AppendLine(" vasp.5.4.4.18Apr17-6-g9f103f2a35 (build Sep 10 2024 21:01:58) complex  (synthetic test file)");
        s.AppendLine();
        foreach (var t in Types)
            s.AppendLine($" POTCAR:    PAW_PBE {t}_sv 10Sep2004");
        foreach (var t in Types)
        {
            s.AppendLine($"   VRHFIN ={t}: s1p0");
            s.AppendLine("   LEXCH  = PE");
            s.AppendLine($"   TITEL  = PAW_PBE {t}_sv 10Sep2004");
        }
        if (NebClimbEcho is { } climb)
            s.AppendLine($" NEB:          LCLIMB      {(climb ? 'T' : 'F')}");
        s.AppendLine($"   number of dos      NEDOS =    301   number of ions     NIONS = {Counts.Sum(),6}");
        s.AppendLine($"   ions per type =            {string.Join("", Counts.Select(c => $"{c,4}"))}");
        s.AppendLine($"   NELM   = {Nelm,6};   NELMIN=  2; NELMDL= -5     # of ELM steps");
        AppendLattice(s);
        for (int step = 0; step < Steps.Count; step++)
            AppendStep(s, step + 1, Steps[step]);
        if (Finished)
        {
            s.AppendLine(" General timing and accounting informations for this job:");
            s.AppendLine(" ========================================================");
            s.AppendLine("                  Total CPU time used (sec):       12.345");
            s.AppendLine("                            User time (sec):       12.000");
        }
        return s.ToString();
    }

    public void Write(string path, bool gzip = false)
    {
        var bytes = Encoding.ASCII.GetBytes(Text());
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return;
        }
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        gz.Write(bytes);
    }

    private void AppendLattice(StringBuilder s)
    {
        s.AppendLine("      direct lattice vectors                 reciprocal lattice vectors");
        for (int r = 0; r < 3; r++)
            s.AppendLine($"  {F(Lattice[3 * r], 13, 9)}{F(Lattice[3 * r + 1], 13, 9)}{F(Lattice[3 * r + 2], 13, 9)}     0.200000000  0.000000000  0.000000000");
    }

    private void AppendStep(StringBuilder s, int ionic, SyntheticStep step)
    {
        int iterations = step.Converged ? 3 : Nelm;
        for (int i = 1; i <= iterations; i++)
        {
            s.AppendLine($"--------------------------------------- Iteration {ionic,6}({i,4})  ---------------------------------------");
            s.AppendLine();
            s.AppendLine($"  free energy    TOTEN  = {F(step.Energy + 100.0 / i, 18, 8)} eV");
            s.AppendLine($"  energy without entropy = {F(step.Energy + 100.0 / i, 18, 8)}  energy(sigma->0) = {F(step.Energy + 100.0 / i, 18, 8)}");
            s.AppendLine("       1 -57.4322       2 -57.4340       3 -57.4318");
            s.AppendLine("  -0.000  -0.000   8.427  -0.000   0.000 -18.618   0.000  -0.000");
        }
        if (step.Converged)
            s.AppendLine("------------------------ aborting loop because EDIFF is reached ----------------------------------------");
        s.AppendLine();
        if (EnergyBeforePositions)
            AppendEnergy(s, step);
        AppendLattice(s);
        s.AppendLine();
        s.AppendLine(" POSITION                                       TOTAL-FORCE (eV/Angst)");
        s.AppendLine(" -----------------------------------------------------------------------------------");
        for (int a = 0; a < step.Cartesian.Length / 3; a++)
        {
            s.Append("   ");
            for (int k = 0; k < 3; k++)
                s.Append(F(step.Cartesian[3 * a + k], 13, 5));
            s.Append("   ");
            for (int k = 0; k < 3; k++)
                s.Append(F(step.Forces[3 * a + k], 14, 6));
            s.AppendLine();
        }
        s.AppendLine(" -----------------------------------------------------------------------------------");
        s.AppendLine("    total drift:                                0.000073     -0.000044     -0.023585");
        s.AppendLine();
        s.AppendLine("--------------------------------------------------------------------------------------------------------");
        s.AppendLine();
        if (!EnergyBeforePositions)
            AppendEnergy(s, step);
        if (step.Tangent is { } tangent)
        {
            s.AppendLine(" NEB: the previous image is higher in energy: F");
            s.AppendLine($" NEB: projections on to tangent (spring, REAL) {F(0, 12, 6)}{F(tangent, 12, 6)}");
        }
        s.AppendLine("    POTLOK:  cpu time    0.0450: real time    0.0453");
    }

    private static void AppendEnergy(StringBuilder s, SyntheticStep step)
    {
        s.AppendLine("  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)");
        s.AppendLine("  ---------------------------------------------------");
        s.AppendLine($"  free  energy   TOTEN  = {F(step.Toten, 18, 8)} eV");
        s.AppendLine();
        s.AppendLine($"  energy  without entropy= {F(step.Toten + 0.02, 18, 8)}  energy(sigma->0) = {F(step.Energy, 18, 8)}");
        s.AppendLine();
    }

    private static string F(double v, int width, int decimals)
        => v.ToString("F" + decimals, CultureInfo.InvariantCulture).PadLeft(width);
}
