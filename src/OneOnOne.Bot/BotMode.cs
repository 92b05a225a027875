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

    /// <summary>Whether the mode serves HTTP (webhooks, health); the console never opens a port.</summary>
    public static bool ServesHttp(this BotMode mode) => mode != BotMode.Console;
}
