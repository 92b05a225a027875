using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace OneOnOne.Discord.Wire;

/// <summary>
/// Reads what Discord sends, tolerantly: a field whose value doesn't fit the type declared here (a number
/// where a string was expected, an object where a list was, a number out of range) reads as absent instead
/// of dropping the whole payload. Discord adds fields and reuses names with other types (<c>data.id</c> is a
/// snowflake string on a command and an integer on a button); the bot decides what a missing field it
/// needs means, and nothing it doesn't need can refuse an interaction. A null inside a list is dropped from it.
/// Writing stays on <see cref="DiscordJson"/>.
/// </summary>
internal static class DiscordRead
{
    public static JsonSerializerOptions Options { get; } = new(DiscordJson.Default.Options)
    {
        TypeInfoResolver = DiscordJson.Default.WithAddedModifier(TolerateEveryProperty),
    };

    public static JsonTypeInfo<Interaction> Interaction { get; } = TypeInfo<Interaction>();

    public static JsonTypeInfo<DiscordMessage> Message { get; } = TypeInfo<DiscordMessage>();

    public static JsonTypeInfo<GatewayPayload> GatewayPayload { get; } = TypeInfo<GatewayPayload>();

    public static JsonTypeInfo<HelloData> Hello { get; } = TypeInfo<HelloData>();

    public static JsonTypeInfo<ReadyData> Ready { get; } = TypeInfo<ReadyData>();

    // What the REST API answers: read as tolerantly as what arrives, since a reply that can't be read after the
    // call went through (a message posted, a DM opened) would report a failure for something that happened.
    public static JsonTypeInfo<GatewayBotInfo> GatewayBotInfo { get; } = TypeInfo<GatewayBotInfo>();

    public static JsonTypeInfo<DiscordUser> User { get; } = TypeInfo<DiscordUser>();

    public static JsonTypeInfo<List<ApplicationCommand>> Commands { get; } = TypeInfo<List<ApplicationCommand>>();

    public static JsonTypeInfo<List<PartialGuild>> Guilds { get; } = TypeInfo<List<PartialGuild>>();

    public static JsonTypeInfo<DiscordChannel> Channel { get; } = TypeInfo<DiscordChannel>();

    public static JsonTypeInfo<List<DiscordChannel>> Channels { get; } = TypeInfo<List<DiscordChannel>>();

    public static JsonTypeInfo<DiscordError> Error { get; } = TypeInfo<DiscordError>();

    /// <summary>The tolerant reader of a type the <see cref="DiscordJson"/> context knows.</summary>
    private static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    private static void TolerateEveryProperty(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(Tolerant<>).MakeGenericType(property.PropertyType))!;
            if (!property.IsSetNullable && property.Set is { } set)
            {
                // A null where the model has no room for one ("id": null) keeps the property's default, e.g. "".
                property.Set = (target, value) =>
                {
                    if (value is not null)
                    {
                        set(target, value);
                    }
                };
            }
        }
    }

    /// <summary>Reads a property as it would be read anyway; a value that can't be is skipped and reads as the type's default.</summary>
    private sealed class Tolerant<T> : JsonConverter<T>
    {
        private JsonTypeInfo<T>? _type;

        /// <summary>A null for a plain value type (an int, an enum) reaches <see cref="Read"/>, which reads it as the default.</summary>
        public override bool HandleNull => default(T) is not null;

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The reader is a struct: a copy marks where the value starts, to skip it whole if it can't be read.
            var start = reader;
            try
            {
                var value = JsonSerializer.Deserialize(ref reader, TypeInfo(options));
                if (value is System.Collections.IList list)
                {
                    // [null, {...}]: a hole in a list is not an element of it.
                    for (var i = list.Count - 1; i >= 0; i--)
                    {
                        if (list[i] is null)
                        {
                            list.RemoveAt(i);
                        }
                    }
                }

                return value;
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException)
            {
                reader = start;
                reader.Skip();
                return default;
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, TypeInfo(options));

        private JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options) => _type ??= (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }
}
