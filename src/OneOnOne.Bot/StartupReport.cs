using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OneOnOne.Core.Settings;

namespace OneOnOne.Bot;

/// <summary>
/// What an operator reads when the bot can't start: one line per problem, naming the setting or file and what to do,
/// never a stack trace unless they asked for details.
/// </summary>
public static class StartupReport
{
    public const string DetailsHint = "Run with Logging__LogLevel__Default=Debug for details.";

    private const string Lead = "The bot can't start";

    /// <param name="details">Whether the operator asked for details (debug logging): then an unexpected failure comes whole.</param>
    public static string Describe(Exception exception, bool details)
    {
        var problems = Problems(exception, details).ToList();
        return problems.Count == 1
            ? $"{Lead}: {problems[0]}"
            : $"{Lead} ({problems.Count} problems):{Environment.NewLine}" + string.Join(Environment.NewLine, problems.Select(p => "  " + p));
    }

    private static IEnumerable<string> Problems(Exception exception, bool details) => exception switch
    {
        AggregateException many => many.InnerExceptions.SelectMany(inner => Problems(inner, details)).Distinct(),
        OptionsValidationException invalid => invalid.Failures.Select(OneLine),
        StartupFailure failure => [OneLine(failure.Message)],
        IOException { InnerException: AddressInUseException } taken => [PortInUse(taken)],
        _ when details => [exception.ToString()],
        _ => [$"{OneLine(exception.Message)} ({exception.GetType().Name}). {DetailsHint}"],
    };

    // Kestrel says "Failed to bind to address http://127.0.0.1:5000: address already in use."; the address is the useful part.
    private static string PortInUse(IOException exception) =>
        $"{OneLine(exception.Message).TrimEnd('.')}. Another program is listening there: stop it, or set Urls to a free address " +
        "(environment variable Urls or ASPNETCORE_URLS, e.g. Urls=http://0.0.0.0:8080).";

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
