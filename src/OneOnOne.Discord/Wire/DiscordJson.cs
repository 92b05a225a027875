using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneOnOne.Discord.Wire;

/// <summary>
/// Source-generated JSON for every Discord shape: snake_case, nulls left out, unknown fields ignored
/// (Discord adds fields at any time). Generated code keeps the interactions endpoint's parsing cheap.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Interaction))]
[JsonSerializable(typeof(InteractionResponse))]
[JsonSerializable(typeof(MessagePayload))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannel))]
[JsonSerializable(typeof(List<PartialGuild>))]
[JsonSerializable(typeof(List<DiscordChannel>))]
[JsonSerializable(typeof(DiscordUser))]
[JsonSerializable(typeof(List<ApplicationCommand>))]
[JsonSerializable(typeof(ApplicationCommand))]
[JsonSerializable(typeof(GatewayBotInfo))]
[JsonSerializable(typeof(GatewayPayload))]
[JsonSerializable(typeof(HelloData))]
[JsonSerializable(typeof(ReadyData))]
[JsonSerializable(typeof(IdentifyCommand))]
[JsonSerializable(typeof(ResumeCommand))]
[JsonSerializable(typeof(HeartbeatCommand))]
[JsonSerializable(typeof(DiscordError))]
[JsonSerializable(typeof(CreateDmRequest))]
internal sealed partial class DiscordJson : JsonSerializerContext;

/// <summary>POST /users/@me/channels.</summary>
public sealed class CreateDmRequest
{
    public string RecipientId { get; set; } = string.Empty;
}
