using Pipeline.RockSalt;

namespace Pipeline.ActiveLearning.Neb;

/// <summary>How the intermediate images are placed.</summary>
public enum InterpolationMode
{
    /// <summary>Straight line from I to F (VASP's nebmake.pl does the same): the Li passes the dumbbell midpoint.</summary>
    Linear,
    /// <summary>The mover bends through the centre of the tetrahedron of the predicted path (up or down), and stays
    /// linear for a straight path: p(t) = I + t v + sin(pi t) (C - m), closer to the converged band.</summary>
    Path,
}

/// <summary>Positions (units of a/2, unwrapped) of the mover in the images 0..M+1 of a NEB with M intermediate images.
/// Every other atom stays on its ideal site in every image, so it is the only atom displaced.</summary>
public static class NebInterpolation
{
    public static InterpolationMode Parse(string name) => name switch
    {
        "linear" => InterpolationMode.Linear,
        "path" => InterpolationMode.Path,
        _ => throw new ArgumentException($"interpolation: '{name}' is not one of linear, path"),
    };

    /// <param name="start">Ideal position of I (units of a/2).</param>
    /// <param name="hop">NN vector from I to F (units of a/2).</param>
    /// <param name="saddleOffset">C - m in units of a/2: +/- e3 / 2 for a tetrahedral path, zero for the straight one.</param>
    public static (double X, double Y, double Z)[] MoverPath(Int3 start, Int3 hop, Int3 saddleOffsetTimesTwo,
        int intermediateImages, InterpolationMode mode)
    {
        int total = intermediateImages + 2;
        var path = new (double, double, double)[total];
        for (int k = 0; k < total; k++)
        {
            double t = (double)k / (total - 1);
            double bump = mode == InterpolationMode.Path && k > 0 && k < total - 1 ? Math.Sin(Math.PI * t) * 0.5 : 0;
            path[k] = (start.X + t * hop.X + bump * saddleOffsetTimesTwo.X,
                       start.Y + t * hop.Y + bump * saddleOffsetTimesTwo.Y,
                       start.Z + t * hop.Z + bump * saddleOffsetTimesTwo.Z);
        }
        return path;
    }
}
