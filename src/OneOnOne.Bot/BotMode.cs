using Microsoft.Extensions.Configuration;

namespace OneOnOne.Bot;

/// <summary>Which adapter the bot talks through.</summary>
public enum BotMode
{
    /// <summary>A terminal: the default when no chat platform is configured.</summary>
    Console,

    /// <summary>Slack, over Socket Mode or HTTP: chosen when <c>Slack:BotToken</c> is set.</summary>
    Slack,

    /// <summary>Discord, over the Gateway and/or the HTTP interactions endpoint: chosen when <c>Discord:BotToken</c> is set.</summary>
    Discord,
}

public static class BotModes
{
    public const string ConsoleFlag = "--console";

    /// <summary>
    /// Picks the adapter from the settings: a chat platform when its token is configured, else the console.
    /// <paramref name="forceConsole"/> (the <c>--console</c> flag) wins over everything.
    /// </summary>
    public static BotMode Choose(IConfiguration settings, bool forceConsole)
    {
        if (forceConsole)
        {
            return BotMode.Console;
        }

        if (!string.IsNullOrWhiteSpace(settings["Slack:BotToken"]))
        {
            return BotMode.Slack;
        }

        return string.IsNullOrWhiteSpace(settings["Discord:BotToken"]) ? BotMode.Console : BotMode.Discord;
    }

    // Where ASP.NET would be told to listen: the Urls setting, or the environment variables it reads itself.
    private static readonly string[] ListenSettings =
        ["Urls", "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "DOTNET_HTTP_PORTS", "HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTPS_PORTS"];

    /// <summary>
    /// Whether the bot opens an HTTP port: when the platform calls it (Slack's HTTP transport: no app-level token;
    /// Discord's interactions endpoint: a public key), or when a listen address is set, for <c>/health</c>.
    /// Socket Mode and the Gateway connect out, so by default they open no port and can't collide with another
    /// program on 5000; the console never opens one.
    /// </summary>
    public static bool ServesHttp(this BotMode mode, IConfiguration settings) => mode switch
    {
        BotMode.Slack => string.IsNullOrWhiteSpace(settings["Slack:AppToken"]) || ListensExplicitly(settings),
        BotMode.Discord => !string.IsNullOrWhiteSpace(settings["Discord:PublicKey"]) || ListensExplicitly(settings),
        _ => false,
    };

    private static bool ListensExplicitly(IConfiguration settings) => ListenSettings.Any(key => !string.IsNullOrWhiteSpace(settings[key]));
}
