using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pipeline.Trajectories.Readers;

/// <summary>Parses the plain decimals MD codes print ("-0.12345678", "1.5E-03") several times faster than
/// double.TryParse, with the same result: up to 15 significant digits and a power of ten within 10^22 are both
/// exact doubles, so one correctly rounded division or multiplication gives the correctly rounded value. Anything
/// else (more digits, large exponents, "NaN") falls back to double.TryParse.</summary>
public static class FastDecimal
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> s, out double value)
    {
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+')) { negative = s[i] == (byte)'-'; i++; }
        long mantissa = 0;
        int digits = 0, scale = 0;
        bool any = false;
        while (i < s.Length && (uint)(s[i] - '0') <= 9)
        {
            if (mantissa != 0 || s[i] != (byte)'0') digits++;
            mantissa = mantissa * 10 + (s[i] - '0');
            i++; any = true;
            if (digits > 15) return Slow(s, out value);
        }
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (i < s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (mantissa != 0 || s[i] != (byte)'0') digits++;
                mantissa = mantissa * 10 + (s[i] - '0');
                scale--; i++; any = true;
                if (digits > 15) return Slow(s, out value);
            }
        }
        if (!any) return Slow(s, out value);
        if (i < s.Length && (s[i] == (byte)'e' || s[i] == (byte)'E' || s[i] == (byte)'d' || s[i] == (byte)'D'))
        {
            i++;
            bool expNegative = false;
            if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+')) { expNegative = s[i] == (byte)'-'; i++; }
            int exponent = 0, expDigits = 0;
            while (i < s.Length && (uint)(s[i] - '0') <= 9 && expDigits < 4) { exponent = exponent * 10 + (s[i] - '0'); i++; expDigits++; }
            if (expDigits == 0) return Slow(s, out value);
            scale += expNegative ? -exponent : exponent;
        }
        if (i != s.Length) return Slow(s, out value);
        double m = mantissa;
        if (scale == 0) value = m;
        else if (scale < 0 && scale >= -22) value = m / PowersOfTen[-scale];
        else if (scale > 0 && scale <= 22) value = m * PowersOfTen[scale];
        else return Slow(s, out value);
        if (negative) value = -value;
        return true;
    }

    private static bool Slow(ReadOnlySpan<byte> s, out double value)
        => double.TryParse(FortranExponent(s), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    // Fortran writes 1.0D-03; .NET reads only E.
    private static ReadOnlySpan<byte> FortranExponent(ReadOnlySpan<byte> s)
    {
        int d = s.IndexOfAny((byte)'d', (byte)'D');
        if (d < 0) return s;
        var copy = s.ToArray();
        copy[d] = (byte)'E';
        return copy;
    }
}
