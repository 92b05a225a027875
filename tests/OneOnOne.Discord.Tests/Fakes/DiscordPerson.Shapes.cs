using System.Text.Json.Nodes;

namespace OneOnOne.Discord.Tests.Fakes;

/// <summary>Interactions as Discord sends them today, every unused field included (see <see cref="DiscordShapes"/>).</summary>
public sealed partial class DiscordPerson
{
    /// <summary>
    /// A MESSAGE_COMPONENT for a button: <c>data</c> carries the button's numeric <c>id</c> (auto-numbered
    /// by Discord when the bot set none) beside <c>custom_id</c> and <c>component_type</c>, and
    /// <c>message</c> is the message it sits on.
    /// </summary>
    public JsonObject ButtonPress(string customId, PostedMessage? on, string? inGuild = null)
    {
        var message = on is null ? null : DiscordShapes.AsInteractionMessage(on);
        var data = new JsonObject
        {
            ["id"] = message?["components"] is JsonArray components ? DiscordShapes.ComponentId(components, customId) ?? 2 : 2,
            ["custom_id"] = customId,
            ["component_type"] = 2,
        };
        var interaction = NewInteraction(3, data, inGuild);
        if (message is not null)
        {
            interaction["message"] = message;
        }

        return interaction;
    }

    /// <summary>
    /// A MESSAGE_COMPONENT for a string select: <c>data</c> carries the select's numeric <c>id</c>, its
    /// <c>custom_id</c>, <c>component_type</c> 3 and the chosen <c>values</c>; <c>message</c> is the message it sits on.
    /// </summary>
    public JsonObject SelectPress(string customId, string[] values, PostedMessage on, string? inGuild = null)
    {
        var message = DiscordShapes.AsInteractionMessage(on);
        var data = new JsonObject
        {
            ["id"] = DiscordShapes.ComponentId(message["components"]!.AsArray(), customId) ?? 2,
            ["custom_id"] = customId,
            ["component_type"] = 3,
            ["values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
        };
        var interaction = NewInteraction(3, data, inGuild);
        interaction["message"] = message;
        return interaction;
    }

    /// <summary>Takes note of a modal the bot opened in answer to <paramref name="openedBy"/>.</summary>
    public void Opened(JsonObject modal, JsonObject openedBy)
    {
        OpenModal = modal;
        _modalOpenedBy = openedBy;
    }

    /// <summary>
    /// The MODAL_SUBMIT for the open modal, filled in: each answer inside its Label (type 18) as a text
    /// input's <c>value</c> or a select's <c>values</c>, every component numbered as Discord numbers them,
    /// sent from where the modal was opened, with the message whose button opened it.
    /// </summary>
    public JsonObject ModalSubmit(IReadOnlyDictionary<string, string> answers)
    {
        var modal = OpenModal ?? throw new InvalidOperationException($"{Name} has no modal open.");
        var fields = new JsonArray();
        foreach (var label in modal["components"]!.AsArray())
        {
            var input = label!["component"]!;
            var id = input["custom_id"]!.GetValue<string>();
            var value = answers.GetValueOrDefault(id, string.Empty);
            fields.Add(input["type"]!.GetValue<int>() == 3
                ? new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 3, ["custom_id"] = id, ["values"] = value.Length == 0 ? new JsonArray() : new JsonArray(value) } }
                : new JsonObject { ["type"] = 18, ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = id, ["value"] = value } });
        }

        var submit = NewInteraction(5, new JsonObject { ["custom_id"] = modal["custom_id"]!.GetValue<string>(), ["components"] = DiscordShapes.Numbered(fields) },
            _modalOpenedBy?["guild_id"]?.GetValue<string>());
        if (_modalOpenedBy?["message"] is JsonObject message)
        {
            submit["message"] = message.DeepClone();
        }

        return submit;
    }

    /// <summary>Adds what every interaction carries that the bot doesn't read.</summary>
    private static void AddUnusedFields(JsonObject interaction, string? inGuild)
    {
        var channelId = interaction["channel_id"]!.GetValue<string>();
        interaction["app_permissions"] = DiscordShapes.AppPermissions;
        interaction["entitlements"] = new JsonArray();
        interaction["attachment_size_limit"] = DiscordShapes.AttachmentSizeLimit;

        // Installed to a server: the key 0 (GUILD_INSTALL) names that server, or "0" in the bot's DMs.
        interaction["authorizing_integration_owners"] = new JsonObject { ["0"] = inGuild ?? "0" };
        if (inGuild is null)
        {
            (interaction["user"] as JsonObject)?.WithUnusedUserFields();
            interaction["channel"] = new JsonObject
            {
                ["id"] = channelId,
                ["type"] = 1,
                ["flags"] = 0,
                ["last_message_id"] = null,
                ["recipients"] = new JsonArray((interaction["user"]?.DeepClone() as JsonObject)!),
            };
        }
        else
        {
            (interaction["member"] as JsonObject)?.WithUnusedMemberFields();
            interaction["guild"] = new JsonObject { ["id"] = inGuild, ["locale"] = "en-US", ["features"] = new JsonArray("COMMUNITY") };
            interaction["guild_locale"] = "en-US";
            interaction["channel"] = new JsonObject
            {
                ["id"] = channelId,
                ["type"] = 0,
                ["guild_id"] = inGuild,
                ["name"] = "team",
                ["position"] = 3,
                ["flags"] = 0,
                ["parent_id"] = null,
                ["topic"] = null,
                ["nsfw"] = false,
                ["rate_limit_per_user"] = 0,
                ["last_message_id"] = null,
                ["permissions"] = DiscordShapes.AppPermissions,
            };
        }

        if (interaction["data"]?["resolved"] is JsonObject resolved)
        {
            foreach (var (_, user) in resolved["users"] as JsonObject ?? [])
            {
                (user as JsonObject)?.WithUnusedUserFields();
            }

            foreach (var (_, member) in resolved["members"] as JsonObject ?? [])
            {
                (member as JsonObject)?.WithUnusedMemberFields();
            }
        }
    }
}
