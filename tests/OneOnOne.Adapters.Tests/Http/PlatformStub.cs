using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace OneOnOne.Adapters.Tests.Http;

/// <summary>
/// A platform behind the client, scripted answer by answer (then 200s), that notes when each attempt
/// came on the test's clock and lets the test wait for the n-th one.
/// </summary>
internal sealed class PlatformStub(TimeProvider time) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _answers = new();
    private readonly ConcurrentQueue<DateTimeOffset> _attempts = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _attemptSeen = new();

    public IReadOnlyList<DateTimeOffset> Attempts => [.. _attempts];

    public static Func<CancellationToken, Task<HttpResponseMessage>> Status(HttpStatusCode status) =>
        _ => Task.FromResult(new HttpResponseMessage(status));

    public static Func<CancellationToken, Task<HttpResponseMessage>> RateLimited(TimeSpan retryAfter) => _ =>
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return Task.FromResult(response);
    };

    /// <summary>No answer: the attempt lasts until it is cancelled.</summary>
    public static Func<CancellationToken, Task<HttpResponseMessage>> Silence() => async ct =>
    {
        await Task.Delay(Timeout.Infinite, ct);
        throw new InvalidOperationException("unreachable");
    };

    public static Func<CancellationToken, Task<HttpResponseMessage>> Broken(HttpRequestError error) =>
        _ => Task.FromException<HttpResponseMessage>(new HttpRequestException(error, "the connection broke"));

    public void Answer(params Func<CancellationToken, Task<HttpResponseMessage>>[] answers)
    {
        foreach (var answer in answers)
        {
            _answers.Enqueue(answer);
        }
    }

    /// <summary>Completes when the <paramref name="number"/>-th attempt (from 1) has arrived.</summary>
    public Task AttemptAsync(int number) => Seen(number).Task.WaitAsync(TimeSpan.FromSeconds(15));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(time.GetUtcNow());
        var answer = _answers.TryDequeue(out var scripted) ? scripted(cancellationToken) : Status(HttpStatusCode.OK)(cancellationToken);
        Seen(_attempts.Count).TrySetResult();
        return answer;
    }

    private TaskCompletionSource Seen(int number) =>
        _attemptSeen.GetOrAdd(number, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
