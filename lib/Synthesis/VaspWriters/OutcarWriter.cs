using System.Text;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>Writes a complete OUTCAR (header, ionic steps, closing timing block), optionally gzipped, or a truncated
/// one (a job killed mid-run: the file ends inside the last POSITION block, no closing lines).</summary>
internal static class OutcarWriter
{
    public static void Write(string path, OutcarContent c, bool gzip)
    {
        using var w = FortranWriter.Create(path, gzip);
        WriteFooter(w, WriteBody(w, c));
    }

    /// <summary>Writes the OUTCAR cut <paramref name="linesIntoLastPositions"/> lines after the last POSITION header.</summary>
    public static void WriteTruncated(string path, OutcarContent c, bool gzip, int linesIntoLastPositions)
    {
        var buffer = new MemoryStream();
        using (var w = FortranWriter.ToStream(buffer)) WriteBody(w, c);
        var bytes = buffer.ToArray();
        int cut = Encoding.ASCII.GetString(bytes).LastIndexOf(" POSITION ", StringComparison.Ordinal);
        for (int k = 0; k < linesIntoLastPositions && cut >= 0 && cut < bytes.Length; k++)
            cut = Array.IndexOf(bytes, (byte)'\n', cut) + 1;
        if (cut <= 0) throw new InvalidOperationException("OUTCAR has no POSITION block to truncate");
        // Cut in the middle of a line, as an interrupted write does.
        cut = Math.Min(cut + 23, bytes.Length);
        using var file = FortranWriter.OpenFile(path, gzip);
        file.Write(bytes, 0, cut);
    }

    /// <summary>Writes everything up to the closing block; returns the (pseudo) CPU seconds of the run.</summary>
    private static double WriteBody(FortranWriter w, OutcarContent c)
    {
        OutcarHeaderWriter.Write(w, c);
        var potcars = c.Layout.TypeSymbols.Select(Potcar.For).ToArray();
        double electrons = OutcarHeaderWriter.Electrons(c.Layout, potcars);
        double atomicEnergy = 0;
        for (int t = 0; t < potcars.Length; t++) atomicEnergy += potcars[t].Eatom * c.Layout.Counts[t];
        double cpu = 12.7;
        for (int step = 0; step < c.Steps.Count; step++)
            OutcarStepWriter.Write(w, c, step, electrons, atomicEnergy, ref cpu);
        w.Line("  ");
        w.Line(" reached required accuracy - stopping structural energy minimisation");
        w.Line(" writing wavefunctions");
        w.Text("     LOOP+:  cpu time").F(cpu, 10, 4).Text(": real time").F(cpu * 1.005, 10, 4).Line();
        w.Line("    4ORBIT:  cpu time    0.0000: real time    0.0000");
        w.Line();
        w.Line(" total amount of memory used by VASP MPI-rank0   386979. kBytes");
        w.Line("=======================================================================");
        w.Line();
        w.Line("   base      :      30000. kBytes");
        w.Line("   nonlr-proj:       1679. kBytes");
        w.Line("   fftplans  :       5479. kBytes");
        w.Line("   grid      :       8627. kBytes");
        w.Line("   one-center:         30. kBytes");
        w.Line("   wavefun   :     341164. kBytes");
        w.Line();
        return cpu;
    }

    private static void WriteFooter(FortranWriter w, double cpu)
    {
        w.Line("  ");
        w.Line("  ");
        w.Line(" General timing and accounting informations for this job:");
        w.Line(" ========================================================");
        w.Line("  ");
        w.Text("                  Total CPU time used (sec):").F(cpu, 13, 3).Line();
        w.Text("                            User time (sec):").F(cpu * 0.9982, 13, 3).Line();
        w.Text("                          System time (sec):").F(cpu * 0.0018, 13, 3).Line();
        w.Text("                         Elapsed time (sec):").F(cpu * 1.0058, 13, 3).Line();
        w.Line("  ");
        w.Line("                   Maximum memory used (kb):      534068.");
        w.Line("                   Average memory used (kb):           0.");
        w.Line("  ");
        w.Line("                          Minor page faults:       588904");
        w.Line("                          Major page faults:            0");
        w.Line("                 Voluntary context switches:        11151");
    }
}
