using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Pipeline.Abstractions;
using Pipeline.Core.Hashing;
using Pipeline.Core.Tests.Support;

namespace Pipeline.Core.Tests;

public class HashingTests
{
    /// <summary>The documented canonical encoding, built by hand: u64 lengths little-endian, UTF-8 strings, type tag
    /// byte, values little-endian.</summary>
    [Fact]
    public void Table_hash_is_xxh128_of_the_documented_canonical_encoding()
    {
        var table = new Table([Column.Of("a", new long[] { 1, -2 }), Column.Of("s", new[] { "hé", "" })]);
        var bytes = new List<byte>();
        void U64(ulong v) { var b = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); bytes.AddRange(b); }
        void Str(string s) { var b = Encoding.UTF8.GetBytes(s); U64((ulong)b.Length); bytes.AddRange(b); }
        Str("pipeline-table/1");
        U64(2);
        U64(2);
        Str("a");
        bytes.Add(2);
        U64(1);
        U64(unchecked((ulong)-2L));
        Str("s");
        bytes.Add(4);
        Str("hé");
        Str("");
        var expected = Convert.ToHexStringLower(XxHash128.Hash(bytes.ToArray()));
        Assert.Equal(expected, TableHasher.Hash(table));
    }

    [Fact]
    public void Table_hash_ignores_metadata_and_nan_payloads_but_not_order_names_or_types()
    {
        double nan2 = BitConverter.Int64BitsToDouble(unchecked((long)0xFFF8_0000_0000_0001UL));
        var a = new Table([Column.Of("x", new[] { 1.0, double.NaN }), Column.Of("y", new long[] { 3 , 4 })]);
        var b = new Table([Column.Of("x", new[] { 1.0, nan2 }), Column.Of("y", new long[] { 3, 4 })], new Dictionary<string, string> { ["k"] = "v" });
        Assert.Equal(TableHasher.Hash(a), TableHasher.Hash(b));
        var swapped = new Table([Column.Of("y", new long[] { 3, 4 }), Column.Of("x", new[] { 1.0, double.NaN })]);
        var renamed = new Table([Column.Of("x2", new[] { 1.0, double.NaN }), Column.Of("y", new long[] { 3, 4 })]);
        var retyped = new Table([Column.Of("x", new[] { 1.0, double.NaN }), Column.Of("y", new[] { 3.0, 4.0 })]);
        var negZero = new Table([Column.Of("x", new[] { -0.0, double.NaN }), Column.Of("y", new long[] { 3, 4 })]);
        var zero = new Table([Column.Of("x", new[] { 0.0, double.NaN }), Column.Of("y", new long[] { 3, 4 })]);
        var hashes = new[] { a, swapped, renamed, retyped, negZero, zero }.Select(TableHasher.Hash).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void List_boundaries_are_part_of_the_hash()
    {
        var a = new Table([Column.Of("l", new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } })]);
        var b = new Table([Column.Of("l", new[] { new[] { 1.0 }, new[] { 2.0, 3.0 } })]);
        var c = new Table([Column.Of("l", new[] { new[] { "ab" }, new[] { "c" } })]);
        var d = new Table([Column.Of("l", new[] { new[] { "a" }, new[] { "bc" } })]);
        Assert.NotEqual(TableHasher.Hash(a), TableHasher.Hash(b));
        Assert.NotEqual(TableHasher.Hash(c), TableHasher.Hash(d));
    }

    [Fact]
    public void Null_cells_are_rejected_with_the_column_and_row()
    {
        var t = new Table([Column.Of("s", new string[] { "a", null! })]);
        var e = Assert.Throws<ArgumentException>(() => TableHasher.Hash(t));
        Assert.Contains("'s' row 1", e.Message);
    }

    [Fact]
    public void File_hash_streams_across_buffer_boundaries_like_a_one_shot_hash()
    {
        using var ws = new TempWorkspace();
        var data = new byte[(3 << 20) + 12345];
        new Random(7).NextBytes(data);
        var path = ws.Path("big.bin");
        File.WriteAllBytes(path, data);
        Assert.Equal(Convert.ToHexStringLower(XxHash128.Hash(data)), FileHasher.HashFile(path));
    }

    [Fact]
    public void Directory_hash_is_the_sorted_manifest_hash_and_sees_names_and_bytes()
    {
        using var ws = new TempWorkspace();
        var dir = ws.Path("d");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "b.txt"), "B");
        File.WriteAllText(Path.Combine(dir, "sub", "a.txt"), "A");
        var manual = DirectoryHasher.HashManifest(
        [
            new ManifestEntry("sub/a.txt", FileHasher.HashBytes("A"u8)),
            new ManifestEntry("b.txt", FileHasher.HashBytes("B"u8)),
        ]);
        var before = DirectoryHasher.Hash(dir);
        Assert.Equal(manual, before);
        Directory.CreateDirectory(Path.Combine(dir, "empty"));
        Assert.Equal(before, DirectoryHasher.Hash(dir));
        File.Move(Path.Combine(dir, "b.txt"), Path.Combine(dir, "c.txt"));
        Assert.NotEqual(before, DirectoryHasher.Hash(dir));
    }

    [Fact]
    public void Hash_cache_reuses_hashes_of_unchanged_files_and_notices_changes()
    {
        using var ws = new TempWorkspace();
        var path = ws.Path("f.txt");
        File.WriteAllText(path, "one");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var cacheFile = ws.Path("cache.tsv");
        int computed = 0;
        string Compute(string p) { computed++; return FileHasher.HashFile(p); }
        var cache = new HashCache(cacheFile);
        var h1 = cache.GetOrCompute(path, "file", Compute);
        cache.Save();
        var reloaded = new HashCache(cacheFile);
        Assert.Equal(h1, reloaded.GetOrCompute(path, "file", Compute));
        Assert.Equal(1, computed);
        File.WriteAllText(path, "two");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-4));
        Assert.Equal(FileHasher.HashBytes("two"u8), reloaded.GetOrCompute(path, "file", Compute));
        Assert.Equal(2, computed);
    }
}
