using System.Globalization;
using System.Text;
using Pipeline.ActiveLearning.Candidates;
using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Neb;

/// <summary>What goes into one suggested calculation's folder besides the structures.</summary>
/// <param name="IncarTemplate">The user's INCAR text (IMAGES is set here).</param>
/// <param name="KpointsText">The user's KPOINTS, copied as is.</param>
/// <param name="PathType">Predicted path (up, down, straight) or "unknown".</param>
public sealed record NebFolderSpec(string IncarTemplate, string IncarSource, string KpointsText, int Images,
    InterpolationMode Interpolation, string PathType, int Rank, double PredictedBarrier, double Uncertainty);

/// <summary>Writes a ready-to-run VASP NEB folder for one candidate hop: INCAR (IMAGES = M), KPOINTS, 00..M+1/POSCAR
/// with the ideal-lattice end points and interpolated images, and a README. No POTCAR: it is licensed per user.
/// Atoms are grouped Li, V, O, F in ascending site order (vacancies absent) and keep their index in every image.</summary>
public static class NebFolderWriter
{
    private static readonly Species[] s_typeOrder = [Species.Li, Species.V, Species.O, Species.F];

    /// <summary>Writes the folder and returns the index (0-based, POSCAR order) of the moving Li.</summary>
    public static int Write(string directory, RockSaltSupercell cell, HopCandidate hop, NebFolderSpec spec)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Images, 1);
        Directory.CreateDirectory(directory);
        var (symbols, counts, sites, mover) = Layout(cell, hop);
        var v = cell.CationPosition(hop.Anatomy.Final) - cell.CationPosition(hop.Anatomy.Initial);
        var hopVector = cell.MinimumImage(v);
        var offset = SaddleOffset(hop, spec.PathType);
        var moverPath = NebInterpolation.MoverPath(sites[mover], hopVector, offset, spec.Images, spec.Interpolation);
        var lattice = cell.LatticeVectors;
        var inverse = Inverse(lattice);
        double h = cell.A / 2;
        var baseFrac = sites.Select(s => ToFractional(inverse, s.X * h, s.Y * h, s.Z * h)).ToArray();
        for (int k = 0; k < moverPath.Length; k++)
        {
            var frac = ((double X, double Y, double Z)[])baseFrac.Clone();
            var p = moverPath[k];
            frac[mover] = ToFractional(inverse, p.X * h, p.Y * h, p.Z * h);
            string title = string.Create(CultureInfo.InvariantCulture,
                $"{hop.Id} image {k:00} of 00..{moverPath.Length - 1:00} (Li(2-x)VO2F x={hop.ActualX:0.####})");
            var folder = Path.Combine(directory, k.ToString("00", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "POSCAR"), PoscarText.Format(title, lattice, symbols, counts, frac), Utf8);
        }
        File.WriteAllText(Path.Combine(directory, "INCAR"), IncarTemplate.WithImages(spec.IncarTemplate, spec.Images, spec.IncarSource), Utf8);
        File.WriteAllText(Path.Combine(directory, "KPOINTS"), spec.KpointsText, Utf8);
        File.WriteAllText(Path.Combine(directory, "README.md"), Readme(hop, spec, mover, symbols), Utf8);
        return mover;
    }

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Species symbols and counts present, the ideal site of every atom, and the mover's index.</summary>
    public static (string[] Symbols, int[] Counts, Int3[] Sites, int Mover) Layout(RockSaltSupercell cell, HopCandidate hop)
    {
        var symbols = new List<string>();
        var counts = new List<int>();
        var sites = new List<Int3>();
        int mover = -1;
        foreach (var s in s_typeOrder)
        {
            bool cation = SpeciesInfo.IsCation(s);
            var config = cation ? hop.Cations : hop.Anions;
            int n = 0;
            for (int i = 0; i < config.Length; i++)
            {
                if (config[i] != (byte)s) continue;
                if (cation && i == hop.Anatomy.Initial) mover = sites.Count;
                sites.Add(cation ? cell.CationPosition(i) : cell.AnionPosition(i));
                n++;
            }
            if (n == 0) continue;
            symbols.Add(SpeciesInfo.Symbol(s));
            counts.Add(n);
        }
        if (mover < 0 || hop.Cations[hop.Anatomy.Initial] != (byte)Species.Li)
            throw new InvalidOperationException($"{hop.Id}: site {hop.Anatomy.Initial} holds no Li");
        return (symbols.ToArray(), counts.ToArray(), sites.ToArray(), mover);
    }

    /// <summary>2 (C - m) in units of a/2: the up or down tetrahedron's direction, zero for straight or unknown.</summary>
    private static Int3 SaddleOffset(HopCandidate hop, string pathType)
    {
        var up = HopDescriptors.UpDirection(hop.Anatomy.Direction, hop.T1IsUp);
        return pathType switch
        {
            "up" => up,
            "down" => -up,
            _ => default,
        };
    }

    private static (double, double, double) ToFractional(double[,] inv, double x, double y, double z)
        => (x * inv[0, 0] + y * inv[1, 0] + z * inv[2, 0],
            x * inv[0, 1] + y * inv[1, 1] + z * inv[2, 1],
            x * inv[0, 2] + y * inv[1, 2] + z * inv[2, 2]);

    // Rows are lattice vectors: cart = frac . L, so frac = cart . L^-1.
    private static double[,] Inverse(double[,] m)
    {
        double det = m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
                   - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
                   + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        var r = new double[3, 3];
        r[0, 0] = (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) / det;
        r[0, 1] = (m[0, 2] * m[2, 1] - m[0, 1] * m[2, 2]) / det;
        r[0, 2] = (m[0, 1] * m[1, 2] - m[0, 2] * m[1, 1]) / det;
        r[1, 0] = (m[1, 2] * m[2, 0] - m[1, 0] * m[2, 2]) / det;
        r[1, 1] = (m[0, 0] * m[2, 2] - m[0, 2] * m[2, 0]) / det;
        r[1, 2] = (m[0, 2] * m[1, 0] - m[0, 0] * m[1, 2]) / det;
        r[2, 0] = (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]) / det;
        r[2, 1] = (m[0, 1] * m[2, 0] - m[0, 0] * m[2, 1]) / det;
        r[2, 2] = (m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]) / det;
        return r;
    }

    private static string Readme(HopCandidate hop, NebFolderSpec spec, int mover, string[] symbols)
    {
        var ci = CultureInfo.InvariantCulture;
        int last = spec.Images + 1;
        var sb = new StringBuilder();
        sb.Append(ci, $"# Suggested NEB {spec.Rank}: {hop.Id}\n\n");
        sb.Append(ci, $"Li hop in Li(2-x)VO2F, x = {hop.ActualX:0.####}; moving atom: Li, POSCAR atom {mover + 1} (1-based).\n");
        sb.Append(ci, $"Predicted KRA barrier {spec.PredictedBarrier:0.000} eV, model uncertainty {spec.Uncertainty:0.000} eV; ");
        sb.Append(ci, $"predicted path: {spec.PathType}; CE reaction energy dE = {hop.DeltaE:0.000} eV.\n\n");
        sb.Append("## What is here\n\n");
        sb.Append(ci, $"- `00/POSCAR` and `{last:00}/POSCAR`: the end points, every atom on its ideal rock-salt site (not relaxed).\n");
        sb.Append(ci, $"- `01`..`{spec.Images:00}`: {spec.Images} intermediate images, ");
        sb.Append(spec.Interpolation == InterpolationMode.Linear
            ? "linearly interpolated (the Li moves on a straight line; no IDPP).\n"
            : "the Li bent through the centre of the predicted tetrahedron (no IDPP).\n");
        sb.Append(ci, $"- `INCAR`: your template with `IMAGES = {spec.Images}`; `KPOINTS`: your file, copied.\n");
        sb.Append("- No `POTCAR`: POTCARs are licensed per user. Concatenate yours in this species order: ")
          .Append(string.Join(" ", symbols)).Append(".\n\n");
        sb.Append("## What to run\n\n");
        sb.Append("1. Relax the two end points (copy `00/POSCAR` and `").Append(last.ToString("00", ci))
          .Append("/POSCAR` into single-point folders, IBRION = 2, fixed cell) and copy the relaxed CONTCARs back as the end-point POSCARs.\n");
        sb.Append("   Re-interpolate the images if the end points moved much (e.g. VTST's `nebmake.pl 00/POSCAR ")
          .Append(last.ToString("00", ci)).Append("/POSCAR ").Append(spec.Images.ToString(ci)).Append("`).\n");
        sb.Append("2. Add POTCAR, then run VASP in this folder with a multiple of IMAGES MPI ranks, e.g.\n");
        sb.Append(ci, $"   `mpirun -np {spec.Images * 8} vasp_std` (8 ranks per image).\n");
        sb.Append("3. Bring the finished folder (OUTCARs in every image folder) back to your dataset and run\n");
        sb.Append("   `dotnet pipeline run` (ingest -> featurize -> fit -> suggest); docs/ACTIVE_LEARNING.md has the loop.\n");
        return sb.ToString();
    }
}
