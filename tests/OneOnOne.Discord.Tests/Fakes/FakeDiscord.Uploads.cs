using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>
/// Uploads (platform notes B6): a strict multipart/form-data reader that takes each part's
/// Content-Disposition as RFC 7578 writes it, <c>form-data; name="payload_json"</c> and
/// <c>form-data; name="files[0]"; filename="chart.png"</c>, and refuses anything else with
/// 50035 Invalid Form Body; and uploads refused on purpose, as Discord refuses a file too large.
/// </summary>
public sealed partial class FakeDiscord
{
    private int _uploadRefusals;

    /// <summary>Every Content-Disposition header of every multipart part the bot sent, as written.</summary>
    public List<string> PartHeaders { get; } = [];

    /// <summary>The next <paramref name="times"/> requests carrying files are refused as too large (413, code 40005); text alone still goes through.</summary>
    public void RefuseUploads(int times) => Interlocked.Add(ref _uploadRefusals, times);

    private bool TakeUploadRefusal()
    {
        var left = Volatile.Read(ref _uploadRefusals);
        while (left > 0)
        {
            if (Interlocked.CompareExchange(ref _uploadRefusals, left - 1, left) == left)
            {
                return true;
            }

            left = Volatile.Read(ref _uploadRefusals);
        }

        return false;
    }

    private async Task<(string? Json, IReadOnlyList<RecordedFile> Files)> ReadMultipartStrictlyAsync(HttpRequest request)
    {
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value
                       ?? throw new InvalidFormBodyException("no boundary");
        var reader = new MultipartReader(boundary, request.Body);
        string? json = null;
        var files = new List<RecordedFile>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var disposition = section.ContentDisposition ?? throw new InvalidFormBodyException("a part without Content-Disposition");
            lock (_lock)
            {
                PartHeaders.Add(disposition);
            }

            var match = StrictDisposition().Match(disposition);
            if (!match.Success)
            {
                throw new InvalidFormBodyException($"unreadable Content-Disposition: {disposition}");
            }

            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer);
            var name = match.Groups["name"].Value;
            if (name == "payload_json")
            {
                json = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            }
            else if (match.Groups["filename"].Success)
            {
                files.Add(new RecordedFile(name, match.Groups["filename"].Value, section.ContentType, buffer.ToArray()));
            }
        }

        return (json, files);
    }

    /// <summary>RFC 7578 §4.2: <c>form-data</c>, then a quoted <c>name</c> and, for a file, a quoted <c>filename</c>.</summary>
    [GeneratedRegex("""^form-data; name="(?<name>[^"\r\n]+)"(?:; filename="(?<filename>[^"\r\n]+)")?$""")]
    private static partial Regex StrictDisposition();

    private sealed class InvalidFormBodyException(string reason) : Exception(reason);
}
