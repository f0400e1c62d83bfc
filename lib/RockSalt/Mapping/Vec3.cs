namespace Pipeline.RockSalt;

/// <summary>A small double-precision 3-vector for structure geometry (Cartesian Angstrom or lattice coordinates
/// in units of a/2, as each API says).</summary>
public readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 p, Vec3 q) => new(p.X + q.X, p.Y + q.Y, p.Z + q.Z);
    public static Vec3 operator -(Vec3 p, Vec3 q) => new(p.X - q.X, p.Y - q.Y, p.Z - q.Z);
    public static Vec3 operator *(double k, Vec3 p) => new(k * p.X, k * p.Y, k * p.Z);

    public static implicit operator Vec3(Int3 p) => new(p.X, p.Y, p.Z);

    public double Dot(Vec3 q) => X * q.X + Y * q.Y + Z * q.Z;

    public Vec3 Cross(Vec3 q) => new(Y * q.Z - Z * q.Y, Z * q.X - X * q.Z, X * q.Y - Y * q.X);

    public double Length => Math.Sqrt(Dot(this));

    /// <summary>The nearest integer point, component by component (the nearest point of Z^3).</summary>
    public Int3 Round() => new((int)Math.Round(X), (int)Math.Round(Y), (int)Math.Round(Z));

    public override string ToString() => FormattableString.Invariant($"({X:F3},{Y:F3},{Z:F3})");
}
