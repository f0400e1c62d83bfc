namespace Pipeline.Synthesis.VaspWriters;

/// <summary>One ionic step of an OUTCAR: its electronic iterations (each with the "Free energy of the ion-electron
/// system" block), "aborting loop because EDIFF is reached", the lattice block, the POSITION/TOTAL-FORCE block,
/// the "FREE ENERGIE OF THE ION-ELECTRON SYSTEM" block and, for NEB images, VTST's "NEB:" lines.</summary>
internal static class OutcarStepWriter
{
    /// <summary>Electronic iterations of the first ionic step (from scratch) and of the later ones (restarted).</summary>
    public const int FirstStepIterations = 7, LaterStepIterations = 4;

    public static void Write(FortranWriter w, OutcarContent c, int step, double electrons, double atomicEnergy,
        ref double cpuSeconds)
    {
        var s = c.Steps[step];
        bool first = step == 0;
        int iterations = first ? FirstStepIterations : LaterStepIterations;
        // Energy error of iteration j (1-based): geometric convergence to the step's energy; the last change is
        // below EDIFF = 1e-5, so the loop "aborts because EDIFF is reached".
        double start = first ? 1450.0 : 0.3, ratio = first ? 0.02 : 0.005;
        double previous = 0;
        for (int j = 1; j <= iterations; j++)
        {
            double error = j == iterations ? 0 : start * Math.Pow(ratio, j - 1);
            double toten = s.Toten + error;
            double loop = (first && j == 1 ? 41.7 : 31.6) + 0.173 * ((step * 7 + j * 3) % 11);
            cpuSeconds += loop;
            w.Line();
            w.Text("--------------------------------------- Iteration").I(step + 1, 7).Text("(").I(j, 4)
                .Line(")  ---------------------------------------");
            w.Line().Line();
            Timing(w, "EDDAV", loop - 0.01, loop + 0.15);
            Timing(w, "DOS", 0.0067, 0.0068);
            w.Line("    --------------------------------------------");
            Timing(w, "LOOP", loop, loop + 0.17);
            w.Line();
            w.Text(" eigenvalue-minimisations  :").I(first && j == 1 ? 39616 : 21444 + 97 * j, 6).Line();
            w.Text(" total energy-change (2. order) :").E(toten - (j == 1 ? 0 : previous), 14, 7)
                .Text("  (").E(-(error + 1e-6) * 1.73, 14, 7).Line(")");
            previous = toten;
            w.Text(" number of electron").F(electrons - 1e-5 * j, 16, 7).Text(" magnetization").F(c.Magnetization, 16, 7).Line();
            w.Text(" augmentation part").F(electrons * 0.0731, 17, 7).Text(" magnetization").F(c.Magnetization * 0.91, 16, 7).Line();
            w.Line();
            EnergyTerms(w, toten, s.Entropy, electrons, atomicEnergy);
            w.Text("  free energy    TOTEN  =").F(toten, 19, 8).Line(" eV");
            w.Line();
            w.Text("  energy without entropy =").F(toten - s.Entropy, 18, 8).Text("  energy(sigma->0) =")
                .F(toten - s.Entropy / 2, 18, 8).Line();
            w.Line().Line().Line(OutcarHeaderWriter.Separator).Line().Line().Line();
        }
        w.Line();
        w.Line(" E-fermi :   4.1265     XC(G=0): -12.3461     alpha+bet :-10.5923");
        w.Line().Line();
        w.Line("------------------------ aborting loop because EDIFF is reached ----------------------------------------");
        w.Line().Line();
        Timing(w, "CHARGE", 1.2995, 1.3072);
        Timing(w, "FORLOC", 0.0092, 0.0092);
        Timing(w, "FORNL ", 5.2657, 5.2970);
        Timing(w, "STRESS", 15.8733, 15.9609);
        Timing(w, "FORCOR", 0.0515, 0.0518);
        Timing(w, "FORHAR", 0.0187, 0.0187);
        Timing(w, "MIXING", 0.0037, 0.0037);
        Timing(w, "OFIELD", 0.0000, 0.0000);
        cpuSeconds += 22.5;
        w.Line().Line();
        w.Line(" VOLUME and BASIS-vectors are now :");
        w.Line(" -----------------------------------------------------------------------------");
        OutcarHeaderWriter.WriteLattice(w, c.Incar.Encut, c.Frame);
        w.Line().Line();
        WritePositions(w, s);
        w.Line().Line().Line(OutcarHeaderWriter.Separator).Line().Line().Line();
        w.Line("  FREE ENERGIE OF THE ION-ELECTRON SYSTEM (eV)");
        w.Line("  ---------------------------------------------------");
        w.Text("  free  energy   TOTEN  =").F(s.Toten, 19, 8).Line(" eV");
        w.Line();
        w.Text("  energy  without entropy=").F(s.EnergyWithoutEntropy, 18, 8).Text("  energy(sigma->0) =")
            .F(s.EnergySigma0, 18, 8).Line();
        w.Line().Line().Line().Line(OutcarHeaderWriter.Separator).Line().Line();
        Timing(w, "POTLOK", 0.0467, 0.0470);
        w.Line().Line().Line(OutcarHeaderWriter.Separator).Line().Line();
        if (s.Neb is { } neb) WriteNeb(w, neb);
        WriteForceSummary(w, s);
        bool last = step == c.Steps.Count - 1;
        if (c.IsNebImage)
        {
            w.Line(last ? " OPT: skip step - force has converged" : " OPT: Flag T");
            if (!last) w.Line(" OPT: QM Step");
        }
        else
        {
            w.Line(" Quasi-Newton relaxation of ions (Broydens 2nd method)");
            w.Text("  g(Force)  =").E(ForceNormSquared(s), 10, 3).Line("   g(Stress)= 0.000E+00");
        }
        w.Line().Line().Line(OutcarHeaderWriter.Separator).Line().Line();
        if (!last)
        {
            Timing(w, "WAVPRE", 159.4156, 160.1605);
            Timing(w, "FEWALD", 0.0010, 0.0010);
            w.Line();
            Timing(w, "ORTHCH", 2.9993, 3.0171);
            Timing(w, "LOOP+", cpuSeconds, cpuSeconds * 1.005);
            w.Line();
        }
    }

    private static void EnergyTerms(FortranWriter w, double toten, double entropy, double electrons, double atomicEnergy)
    {
        double pscenc = 0.2212 * electrons, tewen = 38.913 * electrons, denc = -41.072 * electrons, xcenc = 2.3131 * electrons;
        double pawPlus = 19.871 * electrons, pawMinus = -20.113 * electrons;
        double ebands = toten - (pscenc + tewen + denc + xcenc + pawPlus + pawMinus + entropy + atomicEnergy);
        w.Line(" Free energy of the ion-electron system (eV)");
        w.Line("  ---------------------------------------------------");
        w.Text("  alpha Z        PSCENC =").F(pscenc, 19, 8).Line();
        w.Text("  Ewald energy   TEWEN  =").F(tewen, 19, 8).Line();
        w.Text("  -Hartree energ DENC   =").F(denc, 19, 8).Line();
        w.Line("  -exchange      EXHF   =         0.00000000");
        w.Text("  -V(xc)+E(xc)   XCENC  =").F(xcenc, 19, 8).Line();
        w.Text("  PAW double counting   =").F(pawPlus, 19, 8).F(pawMinus, 18, 8).Line();
        w.Text("  entropy T*S    EENTRO =").F(entropy, 19, 8).Line();
        w.Text("  eigenvalues    EBANDS =").F(ebands, 19, 8).Line();
        w.Text("  atomic energy  EATOM  =").F(atomicEnergy, 19, 8).Line();
        w.Line("  Solvation  Ediel_sol  =         0.00000000");
        w.Line("  ---------------------------------------------------");
    }

    private static void WritePositions(FortranWriter w, OutcarStep s)
    {
        const string dashes = " -----------------------------------------------------------------------------------";
        w.Line(" POSITION                                       TOTAL-FORCE (eV/Angst)");
        w.Line(dashes);
        double dx = 0, dy = 0, dz = 0;
        for (int i = 0; i < s.Positions.Length; i += 3)
        {
            w.F(s.Positions[i], 13, 5).F(s.Positions[i + 1], 13, 5).F(s.Positions[i + 2], 13, 5).Spaces(3)
                .F(s.Forces[i], 14, 6).F(s.Forces[i + 1], 14, 6).F(s.Forces[i + 2], 14, 6).Line();
            dx += s.Forces[i]; dy += s.Forces[i + 1]; dz += s.Forces[i + 2];
        }
        w.Line(dashes);
        w.Text("    total drift:").F(dx, 40, 6).F(dy, 14, 6).F(dz, 14, 6).Line();
    }

    // VTST also prints the tangent vector of every atom here; it is left out to keep the files small.
    private static void WriteNeb(FortranWriter w, NebStepInfo neb)
    {
        w.Line(" NEB: the previous image is higher in energy: " + (neb.PreviousHigher ? "T" : "F"));
        w.Line(" NEB: the next image is higher in energy    : " + (neb.NextHigher ? "T" : "F"));
        if (neb.PreviousHigher != neb.NextHigher)
            w.Line(neb.PreviousHigher ? " NEB: only prev energy greater" : " NEB: only next energy greater");
        w.Line();
        w.Text(" NEB: forces: par spring, perp REAL, dneb ").F(neb.SpringProjection, 12, 6).F(neb.PerpendicularReal, 12, 6)
            .F(0, 12, 6).Line();
        w.Text(" NEB: distance to prev, next image, angle between ").F(neb.DistancePrevious, 12, 6)
            .F(neb.DistanceNext, 12, 6).F(neb.AngleDegrees, 12, 6).Line();
        w.Text(" NEB: projections on to tangent (spring, REAL) ").F(neb.SpringProjection, 12, 6)
            .F(neb.RealProjection, 12, 6).Line();
        w.Line();
    }

    private static void WriteForceSummary(FortranWriter w, OutcarStep s)
    {
        double max = 0, sum2 = 0, maxComponent = 0;
        int atoms = s.Forces.Length / 3;
        for (int i = 0; i < s.Forces.Length; i += 3)
        {
            double f2 = s.Forces[i] * s.Forces[i] + s.Forces[i + 1] * s.Forces[i + 1] + s.Forces[i + 2] * s.Forces[i + 2];
            max = Math.Max(max, f2);
            sum2 += f2;
            for (int k = 0; k < 3; k++) maxComponent = Math.Max(maxComponent, Math.Abs(s.Forces[i + k]));
        }
        w.Line(" stress matrix after NEB project (eV)");
        w.Line("      0.76464     -0.07022      0.51988");
        w.Line("     -0.07022      0.68356     -0.30015");
        w.Line("      0.51988     -0.30015     -4.99373");
        w.Text("  FORCES: max atom, RMS").F(Math.Sqrt(max), 13, 6).F(Math.Sqrt(sum2 / atoms), 12, 6).Line();
        w.Text("  FORCE total and by dimension").F(Math.Sqrt(sum2), 12, 6).F(maxComponent, 12, 6).Line();
        w.Line("  Stress total and by dimension    5.169129    4.993735");
        w.Line(" ");
    }

    private static double ForceNormSquared(OutcarStep s)
    {
        double sum = 0;
        foreach (double f in s.Forces) sum += f * f;
        return sum;
    }

    private static void Timing(FortranWriter w, string label, double cpu, double real)
        => w.Text(label.PadLeft(10)).Text(":  cpu time").F(cpu, 10, 4).Text(": real time").F(real, 10, 4).Line();
}
