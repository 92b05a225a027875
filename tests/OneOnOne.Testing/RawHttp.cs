using System.Net.Sockets;
using System.Text;

namespace OneOnOne.Testing;

/// <summary>
/// An HTTP client that misbehaves on purpose, over a bare TCP socket: it sends a request's headers and part
/// of its body, then hangs up or stalls, as a client that went away or a deliberately slow one does.
/// </summary>
public static class RawHttp
{
    /// <summary>Sends the headers and the first <paramref name="sentBytes"/> of a body of <paramref name="declaredBytes"/>, then closes the connection.</summary>
    public static async Task SendPartAndHangUpAsync(Uri server, string path, IReadOnlyDictionary<string, string> headers, int declaredBytes, int sentBytes)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, path, headers, declaredBytes));
        await stream.WriteAsync(Body(sentBytes));
        await stream.FlushAsync();
        client.Client.Shutdown(SocketShutdown.Both);
    }

    /// <summary>
    /// Sends the headers and the first <paramref name="sentBytes"/> of the body, then sends nothing more and
    /// reads until the server answers or closes. Returns the status line, or "" when the server only closed.
    /// </summary>
    public static async Task<string> SendPartAndStallAsync(Uri server, string path, IReadOnlyDictionary<string, string> headers, int declaredBytes, int sentBytes, TimeSpan giveUpAfter)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Head(server, path, headers, declaredBytes));
        await stream.WriteAsync(Body(sentBytes));
        await stream.FlushAsync();

        using var limit = new CancellationTokenSource(giveUpAfter);
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, limit.Token)) > 0)
            {
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            // The server reset the connection: as good as a close.
        }

        var text = answer.ToString();
        return text.Length == 0 ? string.Empty : text[..Math.Max(0, text.IndexOf("\r\n", StringComparison.Ordinal))];
    }

    private static byte[] Head(Uri server, string path, IReadOnlyDictionary<string, string> headers, int declaredBytes)
    {
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Length: {declaredBytes}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        return Encoding.ASCII.GetBytes(head.Append("\r\n").ToString());
    }

    private static byte[] Body(int bytes) => Encoding.ASCII.GetBytes(new string('x', bytes));
}
