using Pipeline.Synthesis.Geometry;

namespace Pipeline.Synthesis.VaspWriters;

/// <summary>The part of an OUTCAR before the first electronic step, in VASP 5.4.4 (VTST build) line formats:
/// version line, POTCAR/VRHFIN/TITEL blocks, the VTST/NEB echo, array dimensions with "ions per type",
/// the KPOINTS echo with IBZKPT's irreducible k-points, the parameter echo (ENCUT, NELM, EDIFF, EDIFFG, NSW, IBRION,
/// ISPIN, LDA+U, ...), the lattice block, the k-point lists, the initial fractional and Cartesian positions and the
/// plane waves per k-point.</summary>
internal static class OutcarHeaderWriter
{
    public const string Separator = "--------------------------------------------------------------------------------------------------------";

    /// <summary>Cores sharing one band (the "distr:" line); the plane waves of a k-point are spread over them.</summary>
    private const int CoresPerBand = 8;

    public static void Write(FortranWriter w, OutcarContent c)
    {
        var potcars = c.Layout.TypeSymbols.Select(Potcar.For).ToArray();
        var kpoints = IrreducibleKpoints.GammaCentred(c.KpointMesh);
        w.Line(" vasp.5.4.4.18Apr17-6-g9f103f2a35 (build Sep 10 2024 21:01:58) complex           ");
        w.Line("  ");
        w.Line($" executed on             LinuxGNU date {c.StartDate}");
        w.Line(" running on   64 total cores");
        w.Line(" distrk:  each k-point on   64 cores,    1 groups");
        w.Text(" distr:  one band on NCORES_PER_BAND=").I(CoresPerBand, 4).Text(" cores,").I(64 / CoresPerBand, 5).Line(" groups");
        w.Line().Line().Line(Separator).Line().Line();
        w.Line(" INCAR:");
        foreach (var p in potcars) w.Line($" POTCAR:    {p.Titel,-38}");
        foreach (var p in potcars) WritePotcar(w, p);
        foreach (var (p, i) in potcars.Select((p, i) => (p, i)))
        {
            w.Line($"  {p.Titel,-38}:");
            w.Text(" energy of atom ").I(i + 1, 2).Text("       EATOM=").F(-p.Eatom, 10, 4).Line();
            w.Line(" kinetic energy error for atom=    0.0011 (will be added to EATOM!!)");
        }
        w.Line().Line();
        w.Line($" POSCAR: {c.Title}");
        w.Line("  positions in direct lattice");
        w.Line("  No initial velocities read in");
        w.Line(" exchange correlation table for  LEXCH =        8");
        w.Line("   RHO(1)=    0.500       N(1)  =     2000");
        w.Line("   RHO(2)=  100.500       N(2)  =     4000");
        w.Line();
        WriteVtstEcho(w, c);
        w.Line().Line().Line();
        OutcarKpointWriter.WriteMeshReduction(w, kpoints, c.Frame);
        w.Line().Line().Line(Separator).Line().Line();
        WriteDimensions(w, c, potcars, kpoints.Count);
        WriteParameters(w, c, potcars);
        w.Line().Line().Line().Line(Separator).Line().Line();
        WriteLattice(w, c.Incar.Encut, c.Frame);
        w.Line().Line().Line();
        OutcarKpointWriter.WriteLists(w, kpoints, c.Frame);
        w.Line(" position of ions in fractional coordinates (direct lattice) ");
        Span<double> f = stackalloc double[3];
        var first = c.Steps[0].Positions;
        for (int i = 0; i < c.Layout.Count; i++)
        {
            c.Frame.ToFractional(first.AsSpan(i * 3, 3), f);
            w.Text(" ").F(f[0], 12, 8).F(f[1], 12, 8).F(f[2], 12, 8).Line();
        }
        w.Line();
        w.Line(" position of ions in cartesian coordinates  (Angst):");
        for (int i = 0; i < first.Length; i += 3)
            w.Text(" ").F(first[i], 12, 8).F(first[i + 1], 12, 8).F(first[i + 2], 12, 8).Line();
        w.Line().Line().Line().Line(Separator).Line().Line();
        OutcarKpointWriter.WritePlaneWaves(w, kpoints, PlaneWaveBasis.For(c.Frame, c.Incar.Encut, kpoints), CoresPerBand);
    }

    /// <summary>The "direct lattice vectors" block VASP prints at the start and after every ionic step.</summary>
    public static void WriteLattice(FortranWriter w, double encut, CellFrame frame)
    {
        w.Text("  energy-cutoff  :").F(encut, 12, 2).Line();
        w.Text("  volume of cell :").F(frame.Volume, 12, 2).Line();
        w.Line("      direct lattice vectors                 reciprocal lattice vectors");
        var l = frame.Lattice;
        for (int r = 0; r < 3; r++)
        {
            w.Spaces(3).F(l[r * 3], 13, 9).F(l[r * 3 + 1], 13, 9).F(l[r * 3 + 2], 13, 9);
            w.Spaces(3).F(frame.Reciprocal(r, 0), 13, 9).F(frame.Reciprocal(r, 1), 13, 9).F(frame.Reciprocal(r, 2), 13, 9).Line();
        }
        w.Line();
        w.Line("  length of vectors");
        w.Spaces(3).F(frame.Length(0), 13, 9).F(frame.Length(1), 13, 9).F(frame.Length(2), 13, 9).Spaces(3);
        for (int r = 0; r < 3; r++)
        {
            double b = Math.Sqrt(frame.Reciprocal(r, 0) * frame.Reciprocal(r, 0) + frame.Reciprocal(r, 1) * frame.Reciprocal(r, 1)
                + frame.Reciprocal(r, 2) * frame.Reciprocal(r, 2));
            w.F(b, 13, 9);
        }
        w.Line();
    }

    private static void WritePotcar(FortranWriter w, Potcar p)
    {
        w.Line($" POTCAR:    {p.Titel,-38}");
        w.Line("   COPYR  = (c) Copyright " + p.Titel[^9..] + " Georg Kresse");
        w.Line("   COPYR  = This file is part of the software VASP. Any use, copying, and all ot");
        w.Line($"   VRHFIN ={p.Vrhfin}");
        w.Line("   LEXCH  = PE");
        w.Text("   EATOM  =").F(p.Eatom, 11, 4).Text(" eV,").F(p.Eatom / 13.605693, 10, 4).Line(" Ry");
        w.Line();
        w.Line($"   TITEL  = {p.Titel}");
        w.Line("   LULTRA =        F    use ultrasoft PP ?");
        w.Line("   IUNSCR =        1    unscreen: 0-lin 1-nonlin 2-no");
        w.Text("   POMASS =").F(p.Pomass, 9, 3).Text("; ZVAL   =").F(p.Zval, 9, 3).Line("    mass and valenz");
        w.Text("   RCORE  =").F(p.Rcore, 9, 3).Line("    outmost cutoff radius");
        w.Text("   RWIGS  =").F(p.Rwigs, 9, 3).Text("; RWIGS  =").F(p.Rwigs * 0.529177, 9, 3).Line("    wigner-seitz radius (au A)");
        w.Text("   ENMAX  =").F(p.Enmax, 9, 3).Text("; ENMIN  =").F(p.Enmin, 9, 3).Line(" eV");
        w.Line("   LCOR   =        T    correct aug charges");
        w.Line("   LPAW   =        T    paw PP");
        w.Line("  local pseudopotential read in");
        w.Line("  partial core-charges read in");
        w.Line("  atomic valenz-charges read in");
        w.Line("    PAW grid and wavefunctions read in");
        w.Line();
    }

    private static void WriteVtstEcho(FortranWriter w, OutcarContent c)
    {
        w.Line(" VTST: version 3.2, (02/03/18)");
        w.Line();
        w.Line(" CHAIN: initializing optimizer");
        w.Line(" ");
        if (!c.IsNebImage)
        {
            w.Line(" OPT: Using VASP QUASI-newton optimizer");
            w.Line(" CHAIN: Read ICHAIN            0");
            return;
        }
        w.Line(" OPT: Using Quick-Min optimizer");
        w.Line(" OPT: QM, Init");
        w.Line(" OPT: QM, MAXMOVE       0.200000");
        w.Line(" OPT: QM, TIMESTEP      0.100000");
        w.Line(" ");
        w.Line(" CHAIN: Read ICHAIN            0");
        w.Line(" CHAIN: Running the NEB");
        w.Line(" NEB:          SPRING     -5.000000");
        w.Line(" NEB:          LCLIMB      T");
        w.Line(" NEB:     LTANGENTOLD      F");
        w.Line(" NEB:           LDNEB      F");
        w.Line(" NEB:        LDNEBORG      F");
        w.Line(" NEB:        LNEBCELL      F");
        w.Line(" NEB:          EFIRST      0.000000");
        w.Line(" NEB:           ELAST      0.000000");
    }

    private static void WriteDimensions(FortranWriter w, OutcarContent c, Potcar[] potcars, int kpts)
    {
        double nelect = Electrons(c.Layout, potcars);
        int bands = (int)(nelect * 0.6) + 8;
        w.Line(" Dimension of arrays:");
        w.Text("   k-points           NKPTS =").I(kpts, 7).Text("   k-points in BZ     NKDIM =").I(kpts, 7)
            .Text("   number of bands    NBANDS=").I(bands, 7).Line();
        w.Text("   number of dos      NEDOS =    301   number of ions     NIONS =").I(c.Layout.Count, 7).Line();
        w.Line("   non local maximal  LDIM  =      6   non local SUM 2l+1 LMDIM =     18");
        w.Line("   total plane-waves  NPLWV = 384000");
        w.Line("   max r-space proj   IRMAX =   5021   max aug-charges    IRDMAX=  12093");
        w.Line("   dimension x,y,z NGX =    60 NGY =   80 NGZ =   80");
        w.Line("   dimension x,y,z NGXF=   120 NGYF=  160 NGZF=  160");
        w.Line("   support grid    NGXF=   120 NGYF=  160 NGZF=  160");
        w.Text("   ions per type =            ");
        foreach (int n in c.Layout.Counts) w.I(n, 4);
        w.Line();
        w.Line("   NGX,Y,Z   is equivalent  to a cutoff of  11.41, 11.41, 11.41 a.u.");
        w.Line("   NGXF,Y,Z  is equivalent  to a cutoff of  22.82, 22.82, 22.82 a.u.");
        w.Line();
        w.Line($" SYSTEM =  {c.Incar.System}");
        w.Line($" POSCAR =  {c.Title}");
        w.Line();
    }

    public static double Electrons(AtomLayout layout, Potcar[] potcars)
    {
        double n = 0;
        for (int t = 0; t < potcars.Length; t++) n += potcars[t].Zval * layout.Counts[t];
        return n;
    }

    private static void WriteParameters(FortranWriter w, OutcarContent c, Potcar[] potcars)
    {
        var s = c.Incar;
        w.Line(" Startparameter for this run:");
        w.Line("   NWRITE =      2    write-flag & timer");
        w.Line("   PREC   = accura    normal or accurate (medium, high low for compatibility)");
        w.Line("   ISTART =      0    job   : 0-new  1-cont  2-samecut");
        w.Line("   ICHARG =      2    charge: 1-file 2-atom 10-const");
        w.Line("   ISPIN  =      2    spin polarized calculation?");
        w.Line("   LNONCOLLINEAR =      F non collinear calculations");
        w.Line("   LSORBIT =      F    spin-orbit coupling");
        w.Line("   INIWAV =      1    electr: 0-lowe 1-rand  2-diag");
        w.Line("   LASPH  =      T    aspherical Exc in radial PAW");
        w.Line("   METAGGA=      F    non-selfconsistent MetaGGA calc.");
        w.Line();
        w.Line(" Electronic Relaxation 1");
        w.Text("   ENCUT  =").F(s.Encut, 7, 1).Text(" eV").F(s.Encut / 13.605693, 7, 2).Line(" Ry    6.06 a.u.  14.10 18.80 18.80*2*pi/ulx,y,z");
        w.Text("   ENINI  =").F(s.Encut, 7, 1).Line("     initial cutoff");
        w.Text("   NELM   =").I(s.Nelm, 7).Line(";   NELMIN=  2; NELMDL= -5     # of ELM steps ");
        w.Line($"   EDIFF  = {FortranShortE(s.Ediff)}   stopping-criterion for ELM");
        w.Line("   LREAL  =      T    real-space projection");
        w.Line("   LMAXMIX     =    4 max onsite mixed and CHGCAR");
        w.Line(" Ionic relaxation");
        w.Line($"   EDIFFG = {FortranShortE(s.Ediffg)}   stopping-criterion for IOM");
        w.Text("   NSW    =").I(s.Nsw, 7).Line("    number of steps for IOM");
        w.Line("   NBLOCK =      1;   KBLOCK =    200    inner block; outer block ");
        w.Text("   IBRION =").I(s.Ibrion, 7).Line("    ionic relax: 0-MD 1-quasi-New 2-CG");
        w.Line("   NFREE  =      0    steps in history (QN), initial steepest desc. (CG)");
        w.Line("   ISIF   =      2    stress and relaxation");
        w.Line("   IWAVPR =     11    prediction:  0-non 1-charg 2-wave 3-comb");
        w.Line("   ISYM   =      2    0-nonsym 1-usesym 2-fastsym");
        w.Line("   LCORR  =      T    Harris-Foulkes like correction to forces");
        w.Line();
        w.Text("   POTIM  =").F(s.Potim, 7, 4).Line("    time-step for ionic-motion");
        w.Line();
        w.Line("  Mass of Ions in am");
        w.Text("   POMASS =");
        foreach (var p in potcars) w.F(p.Pomass, 6, 2);
        w.Line();
        w.Line("  Ionic Valenz");
        w.Text("   ZVAL   =");
        foreach (var p in potcars) w.F(p.Zval, 6, 2);
        w.Line();
        w.Text("   NELECT =").F(Electrons(c.Layout, potcars), 13, 4).Line("    total number of electrons");
        w.Line("   NUPDOWN=      -1.0000    fix difference up-down");
        w.Line();
        w.Line(" DOS related values:");
        w.Line("   EMIN   =  10.00;   EMAX   =-10.00  energy-range for DOS");
        w.Line("   EFERMI =   0.00");
        w.Text("   ISMEAR =     0;   SIGMA  =").F(s.Sigma, 7, 2).Line("  broadening in eV -4-tet -1-fermi 0-gaus");
        w.Line();
        w.Line(" Electronic relaxation 2 (details)");
        w.Line("   IALGO  =     68    algorithm");
        w.Line();
        w.Line(" LDA+U is selected, type is set to LDAUTYPE =  2");
        w.Text("   angular momentum for each species LDAUL =");
        foreach (var p in potcars) w.I(ElementSettings.HubbardU(p.Symbol) > 0 ? 2 : -1, 5);
        w.Line();
        w.Text("   U (eV)           for each species LDAUU =");
        foreach (var p in potcars) w.F(ElementSettings.HubbardU(p.Symbol), 7, 2);
        w.Line();
        w.Text("   J (eV)           for each species LDAUJ =");
        foreach (var p in potcars) w.F(0, 7, 2);
        w.Line();
    }

    /// <summary>VASP's short echo of small numbers: 0.1E-04, -.5E-01.</summary>
    private static string FortranShortE(double v)
    {
        Span<char> buf = stackalloc char[32];
        int n = FortranWriter.FormatE(v, 1, buf);
        var s = new string(buf[..n]);
        return v < 0 ? "-" + s[2..] : s;
    }
}
