using System.Globalization;
using System.Text.Json;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Commands;

/// <summary>The options a person filled in for one subcommand, read by name, with the interaction's resolved users.</summary>
internal sealed class CommandOptions(IReadOnlyList<CommandOptionValue> options, ResolvedData? resolved)
{
    public string? String(string name) =>
        Find(name) is { Value: { ValueKind: JsonValueKind.String } value } && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? OneLine(text)
            : null;

    /// <summary>Integers arrive as JSON numbers up to 2^53; anything odd reads as absent.</summary>
    public long? Integer(string name) =>
        Find(name) is { Value: { ValueKind: JsonValueKind.Number } value } && value.TryGetInt64(out var number) ? number : null;

    /// <summary>A snowflake chosen with a user, channel or role option.</summary>
    public string? Id(string name) =>
        Find(name) is { Value: { ValueKind: JsonValueKind.String } value } && Snowflake.IsValid(value.GetString()) ? value.GetString() : null;

    /// <summary>
    /// The person a command is about: a server member picked with <c>person</c> becomes a mention
    /// labelled with their name (<c>&lt;@id|Maria&gt;</c>), so the engine knows both who and how to call
    /// them; otherwise the typed <c>name</c>. <c>name</c> also relabels a picked member.
    /// </summary>
    public string Person(string userOption = "person", string nameOption = "name")
    {
        var typed = String(nameOption);
        if (Id(userOption) is not { } id)
        {
            return typed ?? string.Empty;
        }

        var label = typed
                    ?? (resolved?.Members?.GetValueOrDefault(id)?.Nick is { Length: > 0 } nick ? nick : null)
                    ?? resolved?.Users?.GetValueOrDefault(id)?.DisplayName;
        label = label is null ? null : new string(label.Where(c => c is not ('|' or '>' or '<')).ToArray()).Trim();
        return string.IsNullOrEmpty(label) ? $"<@{id}>" : $"<@{id}|{label}>";
    }

    /// <summary>
    /// A channel picked with a channel option, as a mention labelled with its name from <c>data.resolved.channels</c>
    /// (<c>&lt;#id|organizing&gt;</c>) so the engine can say the name; the bare mention when Discord sent none.
    /// </summary>
    public string? Channel(string name)
    {
        if (Id(name) is not { } id)
        {
            return null;
        }

        var label = resolved?.Channels?.GetValueOrDefault(id)?.Name;
        label = label is null ? null : new string(label.Where(c => c is not ('|' or '>' or '<') && !char.IsControl(c)).ToArray()).Trim();
        return string.IsNullOrEmpty(label) ? $"<#{id}>" : $"<#{id}|{label}>";
    }

    public string IntegerText(string name) => Integer(name) is { } value ? value.ToString(CultureInfo.InvariantCulture) : string.Empty;

    private CommandOptionValue? Find(string name) => options.FirstOrDefault(o => o.Name == name);

    /// <summary>Options are single-line in Discord's UI, but a pasted value may not be; commands are one line.</summary>
    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
