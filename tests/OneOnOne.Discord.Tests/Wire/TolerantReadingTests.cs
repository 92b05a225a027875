using System.Text;
using System.Text.Json;
using OneOnOne.Discord.Wire;

namespace OneOnOne.Discord.Tests.Wire;

/// <summary>A field of an unexpected type reads as absent; it never drops the interaction around it.</summary>
public sealed class TolerantReadingTests
{
    [Fact]
    public void Fields_of_unexpected_types_read_as_absent_and_the_rest_is_read()
    {
        const string json = """
            {"id":"1","application_id":2,"type":3,"token":"t","version":"1","locale":5,
             "data":{"id":7,"custom_id":"k:abc","component_type":{"odd":1},"values":"not a list","components":[{"type":"1","id":1,"value":null}]},
             "user":{"id":"5","username":null,"global_name":["x"],"discriminator":0},
             "message":{"id":"9","channel_id":"10","nonce":123,"components":[{"type":1,"id":1}],"attachments":{"0":{}}},
             "entitlements":[],"authorizing_integration_owners":{"0":"0"},"attachment_size_limit":10485760}
            """;

        var interaction = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), DiscordRead.Interaction)!;

        Assert.Equal("1", interaction.Id);
        Assert.Equal(string.Empty, interaction.ApplicationId);
        Assert.Equal(InteractionType.MessageComponent, interaction.Type);
        Assert.Equal(1, interaction.Version);
        Assert.Null(interaction.Locale);
        Assert.Equal("k:abc", interaction.Data!.CustomId);
        Assert.Null(interaction.Data.ComponentType);
        Assert.Null(interaction.Data.Values);
        Assert.Equal("5", interaction.Invoker!.Id);
        Assert.Equal(string.Empty, interaction.Invoker.Username);
        Assert.Null(interaction.Invoker.GlobalName);
        Assert.Equal("10", interaction.Message!.ChannelId);
    }

    [Fact]
    public void What_the_REST_API_answers_is_read_as_tolerantly_as_what_arrives()
    {
        // A message the bot posted, a DM channel it opened: if the answer can't be read, a call that went through looks failed.
        const string message = """{"id":"9","channel_id":"10","type":"0","author":{"id":5,"username":"bot"},"content":["?"],"attachments":[{"id":"11"}]}""";
        const string channel = """{"id":"12","type":"1","recipients":[{"id":"5"}],"flags":"x"}""";

        var posted = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(message), DiscordRead.Message)!;
        var opened = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(channel), DiscordRead.Channel)!;

        Assert.Equal("9", posted.Id);
        Assert.Equal("10", posted.ChannelId);
        Assert.Null(posted.Content);
        Assert.Equal("12", opened.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(message), DiscordJson.Default.DiscordMessage));
    }

    [Fact]
    public void A_null_inside_a_list_is_dropped_from_it()
    {
        const string json = """{"id":"1","type":2,"token":"t","data":{"name":"one-on-one","options":[null,{"name":"help","type":1,"options":[null]}]}}""";

        var interaction = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), DiscordRead.Interaction)!;

        var used = Assert.Single(interaction.Data!.Options!);
        Assert.Equal("help", used.Name);
        Assert.Empty(used.Options!);
    }

    [Fact]
    public void A_modal_with_component_types_the_bot_never_sends_still_gives_its_text_answers()
    {
        // A checkbox answers with a boolean, a file upload with attachment ids, a text display with nothing.
        const string json = """
            {"id":"1","type":5,"token":"t","user":{"id":"5","username":"x"},
             "data":{"custom_id":"f:1:prep:0","components":[
               {"type":18,"id":1,"component":{"type":4,"id":2,"custom_id":"goal","value":"come on the 12th"}},
               {"type":18,"id":3,"component":{"type":23,"id":4,"custom_id":"agree","value":true}},
               {"type":18,"id":5,"component":{"type":19,"id":6,"custom_id":"file","values":["1180000000000000000"]}},
               {"type":10,"id":7},
               {"type":18,"id":8,"component":{"type":21,"id":9,"custom_id":"level","value":"core"}}],
               "resolved":{"attachments":{"1180000000000000000":{"id":"1180000000000000000","filename":"a.png","size":1}}}}}
            """;

        var interaction = JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), DiscordRead.Interaction)!;
        var answers = OneOnOne.Discord.Parsing.ModalAnswers.Read(interaction.Data!.Components);

        Assert.Equal("come on the 12th", answers["goal"]);
        Assert.Equal("core", answers["level"]);
        Assert.False(answers.ContainsKey("agree"));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"an interaction\"")]
    [InlineData("{\"id\":")]
    public void What_is_not_an_object_at_all_is_still_refused(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), DiscordRead.Interaction));
}
