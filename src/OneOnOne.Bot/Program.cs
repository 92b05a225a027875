using OneOnOne.Bot;

return await BotRun.RunAsync(() => BotHost.Build(args), Console.Error);
