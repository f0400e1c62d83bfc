namespace Pipeline.Core.Hashing;

/// <summary>Text form of 128-bit content hashes: 32 lowercase hex digits of the XxHash128 digest in its canonical
/// (big-endian) byte order, so the same content gives the same text on every platform.</summary>
public static class HashHex
{
    public const int Length = 32;

    public static string Of(ReadOnlySpan<byte> digest) => Convert.ToHexStringLower(digest);

    public static bool IsHash(ReadOnlySpan<char> text)
    {
        if (text.Length != Length)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    /// <summary>Writes the 16 digest bytes of a hash text into <paramref name="destination"/>.</summary>
    public static void ToBytes(string hash, Span<byte> destination)
    {
        if (!IsHash(hash))
            throw new FormatException($"'{hash}' is not a 32-digit lowercase hex content hash");
        Convert.FromHexString(hash, destination, out _, out _);
    }

    /// <summary>First 8 digits, for log lines.</summary>
    public static string Short(string? hash) => hash is null ? "-" : hash.Length > 8 ? hash[..8] : hash;
}
