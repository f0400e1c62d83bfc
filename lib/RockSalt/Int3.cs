namespace Pipeline.RockSalt;

/// <summary>An integer lattice point in units of a/2 (a = conventional cubic edge). Cation sites have an even
/// coordinate sum, anion sites an odd one (DOMAIN.md section 2).</summary>
public readonly record struct Int3(int X, int Y, int Z)
{
    public static Int3 operator +(Int3 p, Int3 q) => new(p.X + q.X, p.Y + q.Y, p.Z + q.Z);
    public static Int3 operator -(Int3 p, Int3 q) => new(p.X - q.X, p.Y - q.Y, p.Z - q.Z);
    public static Int3 operator -(Int3 p) => new(-p.X, -p.Y, -p.Z);
    public static Int3 operator *(int k, Int3 p) => new(k * p.X, k * p.Y, k * p.Z);

    public bool IsCationSite => ((X + Y + Z) & 1) == 0;

    public int Dot(Int3 q) => X * q.X + Y * q.Y + Z * q.Z;

    public override string ToString() => $"({X},{Y},{Z})";
}
