using Microsoft.Extensions.Hosting;
using OneOnOne.Bot;

using var host = BotHost.Build(args);
await host.RunAsync();
return 0;
