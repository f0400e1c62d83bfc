using Pipeline.RockSalt;

namespace Pipeline.Synthesis.Geometry;

/// <summary>Cartesian positions (Angstrom, flattened x0,y0,z0,...) of the images 0..M-1 of a synthetic NEB.
/// The moving Li follows p(t) = I + t v + sin(pi t) (C - m) (units of a/2), where C is the saddle of its path (a
/// tetrahedron centre I + (v + e)/2 for a tetrahedral hop, the dumbbell midpoint m = I + v/2 for the straight one);
/// image k sits at the t where the arc length reaches k/(M-1) of the whole, so images are equally spaced as a
/// converged band is, and the middle image (t = 1/2 by symmetry) holds the Li exactly at C. Every other atom sits
/// at its site plus (1-t) uA + t uB; the mover's own relaxation fades out towards the saddle.</summary>
internal static class NebImagePath
{
    /// <param name="saddleOffset">C - m in units of a/2: +/- e3/2 for a tetrahedral hop, zero for the straight one.</param>
    public static double[][] Images(AtomLayout layout, double latticeConstant, int movingAtom, Int3 hopVector,
        (double X, double Y, double Z) saddleOffset, double[] uInitial, double[] uFinal, int imageCount)
    {
        double h = latticeConstant / 2;
        var ts = EqualArcParameters(hopVector, saddleOffset, imageCount);
        var images = new double[imageCount][];
        for (int k = 0; k < imageCount; k++)
        {
            double t = ts[k];
            var r = new double[layout.Count * 3];
            for (int i = 0; i < layout.Count; i++)
            {
                var s = layout.Sites[i];
                r[i * 3] = s.X * h + (1 - t) * uInitial[i * 3] + t * uFinal[i * 3];
                r[i * 3 + 1] = s.Y * h + (1 - t) * uInitial[i * 3 + 1] + t * uFinal[i * 3 + 1];
                r[i * 3 + 2] = s.Z * h + (1 - t) * uInitial[i * 3 + 2] + t * uFinal[i * 3 + 2];
            }
            var site = layout.Sites[movingAtom];
            double bump = Math.Sin(Math.PI * t);
            if (k == 0 || k == imageCount - 1) bump = 0; // sin(pi) is 1.2e-16, not 0
            int m = movingAtom * 3;
            for (int c = 0; c < 3; c++)
            {
                int vc = c == 0 ? hopVector.X : c == 1 ? hopVector.Y : hopVector.Z;
                int sc = c == 0 ? site.X : c == 1 ? site.Y : site.Z;
                double off = c == 0 ? saddleOffset.X : c == 1 ? saddleOffset.Y : saddleOffset.Z;
                double relax = (1 - t) * uInitial[m + c] + t * uFinal[m + c] - bump * 0.5 * (uInitial[m + c] + uFinal[m + c]);
                r[m + c] = (sc + t * vc + bump * off) * h + relax;
            }
            images[k] = r;
        }
        return images;
    }

    /// <summary>Curve parameters t_k of M images equally spaced in arc length along p(t); exact 0, 1/2 (odd M) and 1
    /// where they belong.</summary>
    internal static double[] EqualArcParameters(Int3 v, (double X, double Y, double Z) offset, int imageCount)
    {
        const int grid = 2048;
        var arc = new double[grid + 1];
        for (int g = 1; g <= grid; g++)
        {
            double tm = (g - 0.5) / grid, c = Math.PI * Math.Cos(Math.PI * tm);
            double dx = v.X + c * offset.X, dy = v.Y + c * offset.Y, dz = v.Z + c * offset.Z;
            arc[g] = arc[g - 1] + Math.Sqrt(dx * dx + dy * dy + dz * dz) / grid;
        }
        var ts = new double[imageCount];
        int at = 0;
        for (int k = 0; k < imageCount; k++)
        {
            double target = arc[grid] * k / (imageCount - 1);
            while (at < grid - 1 && arc[at + 1] < target) at++;
            double frac = (target - arc[at]) / (arc[at + 1] - arc[at]);
            ts[k] = (at + Math.Clamp(frac, 0, 1)) / grid;
        }
        ts[0] = 0;
        ts[imageCount - 1] = 1;
        if (imageCount % 2 == 1) ts[imageCount / 2] = 0.5;
        return ts;
    }
}
