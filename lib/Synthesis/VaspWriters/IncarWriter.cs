using System.Globalization;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Writes an INCAR as a user would: grouped tags with comments.</summary>
internal static class IncarWriter
{
    /// <param name="imagesOverride">For a planted fault: the IMAGES value written instead of the real one.</param>
    public static void Write(string path, IncarSettings s, int? imagesOverride = null)
    {
        using var w = FortranWriter.Create(path);
        var inv = CultureInfo.InvariantCulture;
        w.Line($"SYSTEM = {s.System}");
        w.Line();
        w.Line("# Electronic structure");
        w.Line("PREC     = Accurate");
        w.Line($"ENCUT    = {s.Encut.ToString("0", inv)}");
        w.Line($"EDIFF    = {s.Ediff.ToString("0.0E+00", inv)}");
        w.Line($"NELM     = {s.Nelm}");
        w.Line("ALGO     = Fast");
        w.Line("LREAL    = Auto");
        w.Line("LASPH    = .TRUE.");
        w.Line("ISMEAR   = 0");
        w.Line($"SIGMA    = {IncarSettings.Number(s.Sigma)}");
        w.Line("ISPIN    = 2");
        w.Line("MAGMOM   = " + string.Join(" ", s.Magmom.Select(m => $"{m.Count}*{IncarSettings.Number(m.Moment)}")));
        w.Line();
        var u = s.HubbardU.ToArray();
        w.Line($"# DFT+U (Dudarev), U on {string.Join(" and ", s.Types.Where((_, t) => u[t] > 0))} d states");
        w.Line("LDAU     = .TRUE.");
        w.Line("LDAUTYPE = 2");
        w.Line("LDAUL    = " + string.Join(" ", u.Select(v => v > 0 ? "2" : "-1")));
        w.Line("LDAUU    = " + string.Join(" ", u.Select(v => v.ToString("0.00", inv))));
        w.Line("LDAUJ    = " + string.Join(" ", u.Select(_ => "0.00")));
        w.Line("LMAXMIX  = 4");
        w.Line();
        w.Line("# Ionic relaxation");
        w.Line($"NSW      = {s.Nsw}");
        w.Line($"IBRION   = {s.Ibrion}");
        w.Line($"POTIM    = {IncarSettings.Number(s.Potim)}");
        w.Line($"EDIFFG   = {IncarSettings.Number(s.Ediffg)}");
        w.Line("ISIF     = 2");
        if (s.IsNeb)
        {
            w.Line();
            w.Line("# NEB (VTST)");
            w.Line($"IMAGES   = {imagesOverride ?? s.Images}");
            w.Line("SPRING   = -5");
            w.Line("LCLIMB   = .TRUE.");
            w.Line("ICHAIN   = 0");
            w.Line("IOPT     = 3");
        }
        w.Line();
        w.Line("# Output");
        w.Line("LWAVE    = .FALSE.");
        w.Line("LCHARG   = .FALSE.");
    }
}
