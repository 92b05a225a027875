using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneOnOne.Discord.Wire;

/// <summary>GET /gateway/bot.</summary>
public sealed class GatewayBotInfo
{
    public string Url { get; set; } = string.Empty;

    public int Shards { get; set; }

    public SessionStartLimit? SessionStartLimit { get; set; }
}

public sealed class SessionStartLimit
{
    public int Total { get; set; }

    public int Remaining { get; set; }

    public long ResetAfter { get; set; }

    public int MaxConcurrency { get; set; }
}

/// <summary>Every Gateway frame: <see cref="D"/> is read per opcode and event name.</summary>
public sealed class GatewayPayload
{
    public int Op { get; set; }

    public JsonElement D { get; set; }

    public int? S { get; set; }

    public string? T { get; set; }
}

public sealed class HelloData
{
    public int HeartbeatInterval { get; set; }
}

public sealed class ReadyData
{
    public int V { get; set; }

    public DiscordUser? User { get; set; }

    public string SessionId { get; set; } = string.Empty;

    public string? ResumeGatewayUrl { get; set; }

    public ReadyApplication? Application { get; set; }
}

public sealed class ReadyApplication
{
    public string Id { get; set; } = string.Empty;
}

public sealed class IdentifyCommand
{
    public int Op { get; set; } = 2;

    public IdentifyData D { get; set; } = new();
}

public sealed class IdentifyData
{
    public string Token { get; set; } = string.Empty;

    public int Intents { get; set; }

    public IdentifyProperties Properties { get; set; } = new();
}

public sealed class IdentifyProperties
{
    public string Os { get; set; } = "linux";

    public string Browser { get; set; } = "oneonone";

    public string Device { get; set; } = "oneonone";
}

public sealed class ResumeCommand
{
    public int Op { get; set; } = 6;

    public ResumeData D { get; set; } = new();
}

public sealed class ResumeData
{
    public string Token { get; set; } = string.Empty;

    public string SessionId { get; set; } = string.Empty;

    public int Seq { get; set; }
}

public sealed class HeartbeatCommand
{
    public int Op { get; set; } = 1;

    /// <summary>The last sequence number received; written even when null, as Discord expects.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? D { get; set; }
}

/// <summary>Discord's error body; on a 429 it says how long to wait.</summary>
public sealed class DiscordError
{
    public int? Code { get; set; }

    public string? Message { get; set; }

    public double? RetryAfter { get; set; }

    public bool? Global { get; set; }
}
