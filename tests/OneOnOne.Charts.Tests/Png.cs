using System.Buffers.Binary;
using SkiaSharp;

namespace OneOnOne.Charts.Tests;

/// <summary>Reads what a test needs straight from PNG bytes.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool HasSignature(byte[] bytes) => bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(Signature);

    /// <summary>Width and height from the IHDR chunk, which the format requires to come first.</summary>
    public static (int Width, int Height) HeaderSize(byte[] bytes)
    {
        Assert.True(HasSignature(bytes), "not a PNG signature");
        Assert.True(bytes.Length >= 33, "too short to hold an IHDR chunk");
        Assert.Equal(13u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(8, 4)));
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16, 4)),
                (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    /// <summary>Fully decodes the image; fails the test when the bytes are not a readable PNG.</summary>
    public static SKBitmap Decode(byte[] bytes)
    {
        var bitmap = SKBitmap.Decode(bytes);
        Assert.NotNull(bitmap);
        return bitmap;
    }

    /// <summary>How many distinct colours appear: a blank or text-less image has very few.</summary>
    public static int DistinctColors(SKBitmap bitmap)
    {
        var colors = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colors.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return colors.Count;
    }
}
