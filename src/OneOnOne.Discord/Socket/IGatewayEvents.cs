using System.Text.Json;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Socket;

/// <summary>Where a connection hands what Discord dispatches. Must return quickly: the socket waits.</summary>
internal interface IGatewayEvents
{
    void OnReady(ReadyData ready);

    void OnDispatch(string eventName, JsonElement data);
}
