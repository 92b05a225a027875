using System.Buffers;
using System.IO.Pipelines;

namespace OneOnOne.Discord.Http;

/// <summary>
/// A request body read whole into a pooled buffer, byte for byte as it was signed (nothing may parse
/// or re-encode it before the signature check). Dispose returns the buffer.
/// </summary>
internal readonly struct RentedBody : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly int _length;

    private RentedBody(byte[]? buffer, int length, bool tooLarge)
    {
        _buffer = buffer;
        _length = length;
        TooLarge = tooLarge;
    }

    public bool TooLarge { get; }

    public ReadOnlySpan<byte> Span => _buffer is null ? default : _buffer.AsSpan(0, _length);

    public static async Task<RentedBody> ReadAsync(PipeReader reader, int maxBytes, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return new RentedBody(null, 0, tooLarge: true);
            }

            if (result.IsCompleted)
            {
                var length = (int)buffer.Length;
                var copy = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                buffer.CopyTo(copy);
                reader.AdvanceTo(buffer.End);
                return new RentedBody(copy, length, tooLarge: false);
            }

            // Not all there yet: look again once more has arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
