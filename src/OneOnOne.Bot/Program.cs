using OneOnOne.Bot;
using OneOnOne.Bot.Commands;

if (BackupCommand.IsRequested(args))
{
    return BackupCommand.Run(args, Console.Out, Console.Error);
}

return await BotRun.RunAsync(() => BotHost.Build(args), Console.Error);
