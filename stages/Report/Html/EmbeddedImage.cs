namespace Pipeline.Report.Html;

/// <summary>An image carried inside the report as a base64 data URI. Images are shown through &lt;img&gt;, so an
/// SVG from a plot folder cannot run scripts or fetch anything.</summary>
internal sealed class EmbeddedImage
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private EmbeddedImage(string mediaType, byte[] bytes)
    {
        DataUri = $"data:{mediaType};base64,{Convert.ToBase64String(bytes)}";
    }

    public string DataUri { get; }

    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(PngSignature);

    public static EmbeddedImage Png(byte[] bytes)
    {
        if (!IsPng(bytes))
            throw new ArgumentException("bytes are not a PNG image (signature missing)", nameof(bytes));
        return new EmbeddedImage("image/png", bytes);
    }

    /// <summary>Reads a PNG, SVG or JPEG file; returns null for other files or a PNG whose signature is wrong.</summary>
    public static EmbeddedImage? FromFile(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        var mediaType = ext switch
        {
            ".png" => "image/png",
            ".svg" => "image/svg+xml",
            ".jpg" or ".jpeg" => "image/jpeg",
            _ => null,
        };
        if (mediaType is null) return null;
        var bytes = File.ReadAllBytes(path);
        if (mediaType == "image/png" && !IsPng(bytes)) return null;
        return new EmbeddedImage(mediaType, bytes);
    }

    public static bool IsImageFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg" or ".jpg" or ".jpeg";
}
