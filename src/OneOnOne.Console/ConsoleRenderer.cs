using Microsoft.Extensions.Logging;
using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>Prints outbound messages as plain text and says which buttons can be pressed.</summary>
internal sealed partial class ConsoleRenderer(TextWriter output, ConsoleFileSaver files, ILogger logger)
{
    /// <summary>Prints one message; returns its buttons in the order they were numbered.</summary>
    public IReadOnlyList<Button> Render(Outbound message, Address current)
    {
        WriteDestination(message.To, current);

        var buttons = new List<Button>();
        foreach (var block in message.Blocks)
        {
            // QuestionBlock lets form-capable platforms show a whole flow; a terminal asks one at a time.
            switch (block)
            {
                case HeaderBlock header:
                    output.WriteLine($"== {header.Text} ==");
                    break;
                case TextBlock text:
                    output.WriteLine(text.Text);
                    break;
                case FieldsBlock fields:
                    WriteFields(fields.Fields);
                    break;
                case ButtonsBlock row:
                    WriteButtons(row.Buttons, buttons);
                    break;
                case FileBlock file:
                    WriteFile(file);
                    break;
            }
        }

        output.WriteLine();
        return buttons;
    }

    private void WriteDestination(Destination to, Address current)
    {
        switch (to)
        {
            case ToUser user when user.Address != current:
                output.WriteLine($"-> message for {user.Address.User}:");
                break;
            case ToChannel channel:
                output.WriteLine($"-> posted in #{channel.Channel}:");
                break;
        }
    }

    private void WriteFields(IReadOnlyList<Field> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var width = fields.Max(f => f.Label.Length) + 1;
        var continuation = Environment.NewLine + new string(' ', 2 + width + 1);
        foreach (var field in fields)
        {
            // Multi-line values stay under their own column instead of running back to the margin.
            var value = string.Join(continuation, field.Value.ReplaceLineEndings("\n").Split('\n'));
            output.WriteLine($"  {(field.Label + ":").PadRight(width)} {value}");
        }
    }

    private void WriteButtons(IReadOnlyList<Button> row, List<Button> numbered)
    {
        if (row.Count == 0)
        {
            return;
        }

        // Numbering continues across rows, so each number in a message means exactly one button.
        var labels = new List<string>();
        foreach (var button in row)
        {
            numbered.Add(button);
            labels.Add($"[{numbered.Count}] {button.Label}");
        }

        output.WriteLine("  " + string.Join("   ", labels));
    }

    private void WriteFile(FileBlock file)
    {
        try
        {
            // The title says what the file is ("Calendar file for your 1:1 with Maria"); the path, where to find it.
            var path = files.Save(file);
            output.WriteLine(file.Title is { } title ? $"  {title}: saved to {path}" : $"  File saved to {path}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The rest of the message still matters more than the attachment.
            LogFileNotSaved(logger, ex);
            output.WriteLine($"  (I couldn't save {file.Title ?? ConsoleFileSaver.SafeName(file.FileName)}; can the files directory be written to?)");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save a file sent to the console.")]
    private static partial void LogFileNotSaved(ILogger logger, Exception exception);
}
