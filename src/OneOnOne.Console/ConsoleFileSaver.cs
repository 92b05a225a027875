using OneOnOne.Core.Messaging;

namespace OneOnOne.Console;

/// <summary>Saves files the bot sends into one directory, never outside it, never over an older file.</summary>
internal sealed class ConsoleFileSaver(string directory)
{
    private const string FallbackName = "file";

    // Invalid on Windows even where this process runs elsewhere, so saved files travel well.
    private static readonly char[] UnsafeChars = [.. Path.GetInvalidFileNameChars(), '<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>Writes the file and returns the full path it was saved to.</summary>
    public string Save(FileBlock file)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);

        var name = SafeName(file.FileName);
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var copy = 1; ; copy++)
        {
            var path = Path.Combine(root, copy == 1 ? name : $"{stem}-{copy}{extension}");
            try
            {
                // CreateNew rather than an Exists check, so a file appearing meanwhile is not overwritten.
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                stream.Write(file.Content);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
    }

    /// <summary>Keeps only the last path segment (either separator style) and replaces unsafe characters.</summary>
    public static string SafeName(string fileName)
    {
        var lastSegment = fileName.Replace('\\', '/').Split('/')[^1];
        var cleaned = new string([.. lastSegment.Select(c => char.IsControl(c) || UnsafeChars.Contains(c) ? '_' : c)]);

        // Leading dots would make "..", "." or a hidden file; trailing dots and spaces vanish on Windows.
        cleaned = cleaned.Trim().Trim('.').Trim();
        return cleaned.Length == 0 ? FallbackName : cleaned;
    }
}
