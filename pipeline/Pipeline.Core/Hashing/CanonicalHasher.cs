using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Pipeline.Core.Hashing;

/// <summary>Feeds a canonical byte encoding (little-endian integers, IEEE doubles with one NaN pattern,
/// length-prefixed UTF-8 strings) into XxHash128 through a pooled buffer, so per-value appends are cheap and
/// allocation-free and the result does not depend on the machine's endianness.</summary>
public sealed class CanonicalHasher : IDisposable
{
    private const int BufferSize = 64 * 1024;
    /// <summary>Every NaN hashes as this quiet NaN: payload bits are not data.</summary>
    private const ulong CanonicalNaN = 0x7FF8_0000_0000_0000UL;

    private readonly XxHash128 _hash = new();
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_used++] = value;
    }

    public void WriteInt64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void WriteUInt64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_buffer.AsSpan(_used), value);
        _used += 8;
    }

    public void WriteDouble(double value)
        => WriteUInt64(double.IsNaN(value) ? CanonicalNaN : BitConverter.DoubleToUInt64Bits(value));

    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        WriteUInt64((ulong)values.Length);
        foreach (var v in values)
            WriteDouble(v);
    }

    public void WriteString(string value)
    {
        int count = Encoding.UTF8.GetByteCount(value);
        WriteUInt64((ulong)count);
        if (count <= BufferSize)
        {
            Ensure(count);
            _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
            return;
        }
        Flush();
        var large = ArrayPool<byte>.Shared.Rent(count);
        int written = Encoding.UTF8.GetBytes(value, large);
        _hash.Append(large.AsSpan(0, written));
        ArrayPool<byte>.Shared.Return(large);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > BufferSize / 2)
        {
            Flush();
            _hash.Append(bytes);
            return;
        }
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    /// <summary>The hash of everything written so far, as <see cref="HashHex"/> text.</summary>
    public string FinishHex()
    {
        Flush();
        Span<byte> digest = stackalloc byte[16];
        _hash.GetCurrentHash(digest);
        return HashHex.Of(digest);
    }

    public void Dispose()
    {
        if (_buffer.Length == 0)
            return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Ensure(int count)
    {
        if (_used + count > _buffer.Length)
            Flush();
    }

    private void Flush()
    {
        if (_used == 0)
            return;
        _hash.Append(_buffer.AsSpan(0, _used));
        _used = 0;
    }
}
