using System.Text;
using OneOnOne.Core.Messaging;
using static OneOnOne.Console.Tests.FakeEngine;

namespace OneOnOne.Console.Tests;

public class FileTests
{
    private static FileBlock File(string name, string content, string? title = null) =>
        new(name, "text/plain", Encoding.UTF8.GetBytes(content), title);

    [Fact]
    public async Task A_file_is_saved_into_the_files_directory_which_is_created_if_missing()
    {
        var directory = Path.Combine(TempDirectory.Create(), "files", "nested");
        var engine = new FakeEngine().RespondTo(0, Say(File("invite.ics", "BEGIN:VCALENDAR", "Calendar invite")));

        var run = await ConsoleRun.RunAsync(engine, "invite\n", filesDirectory: directory);

        var saved = Path.Combine(directory, "invite.ics");
        Assert.Equal("BEGIN:VCALENDAR", await System.IO.File.ReadAllTextAsync(saved));
        Assert.Contains($"  Calendar invite: saved to {saved}", run.Output);
        Assert.DoesNotContain("(saved", run.Output);
    }

    [Fact]
    public async Task A_file_with_the_same_name_gets_a_number_instead_of_overwriting()
    {
        var directory = TempDirectory.Create();
        var engine = new FakeEngine().Respond(inbound =>
            [Say(File("export.csv", ((ReplyInput)inbound.Input).Text))]);

        var run = await ConsoleRun.RunAsync(engine, "first\nsecond\nthird\n", filesDirectory: directory);

        Assert.Equal("first", await System.IO.File.ReadAllTextAsync(Path.Combine(directory, "export.csv")));
        Assert.Equal("second", await System.IO.File.ReadAllTextAsync(Path.Combine(directory, "export-2.csv")));
        Assert.Equal("third", await System.IO.File.ReadAllTextAsync(Path.Combine(directory, "export-3.csv")));
        Assert.Contains($"  File saved to {Path.Combine(directory, "export-3.csv")}", run.Output);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("..", "file")]
    [InlineData("a:b*c?.txt", "a_b_c_.txt")]
    [InlineData("  .hidden  ", "hidden")]
    public async Task A_file_name_cannot_escape_the_files_directory(string name, string expected)
    {
        var root = TempDirectory.Create();
        var directory = Path.Combine(root, "a", "b", "files");
        var engine = new FakeEngine().RespondTo(0, Say(File(name, "secret")));

        await ConsoleRun.RunAsync(engine, "export\n", filesDirectory: directory);

        var everything = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.Equal([Path.Combine(directory, expected)], everything);
    }

    [Fact]
    public async Task A_file_that_cannot_be_saved_does_not_lose_the_rest_of_the_message()
    {
        // The "directory" is a file, so nothing can be saved into it.
        var blocker = Path.Combine(TempDirectory.Create(), "not-a-directory");
        await System.IO.File.WriteAllTextAsync(blocker, "");
        var engine = new FakeEngine().RespondTo(0, Say(File("invite.ics", "x"), new TextBlock("See you Tuesday.")));

        var run = await ConsoleRun.RunAsync(engine, "invite\n", filesDirectory: blocker);

        Assert.Contains("(I couldn't save invite.ics", run.Output);
        Assert.Contains("See you Tuesday.", run.Output);
    }
}
