using Microsoft.Extensions.Hosting;
using OneOnOne.Bot;

var (mode, hostArgs) = BotModes.Choose(args);

// Settings ship next to the binary; data paths stay relative to where the bot is started.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = hostArgs,
    ContentRootPath = AppContext.BaseDirectory,
});
builder.AddOneOnOneBot(mode);
using var host = builder.Build();
await host.RunAsync();
return 0;
