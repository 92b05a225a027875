using Microsoft.Extensions.Options;

namespace OneOnOne.Console;

/// <summary>Refuses a files folder that can't be a path, so the first calendar invite doesn't fail instead.</summary>
internal sealed class ConsoleOptionsValidator : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options) =>
        string.IsNullOrWhiteSpace(options.FilesDirectory) || options.FilesDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0
            ? ValidateOptionsResult.Fail(
                $"{ConsoleOptions.SectionName}:{nameof(ConsoleOptions.FilesDirectory)} must be a folder path, e.g. data/files (the default), " +
                "where calendar invites and exports are saved.")
            : ValidateOptionsResult.Success;
}
