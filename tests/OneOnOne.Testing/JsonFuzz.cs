using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace OneOnOne.Testing;

/// <summary>
/// Random and mutated inputs built from documented payload shapes, for fuzzing platform parsers: a value
/// swapped for one of another type (or a hostile one), a field dropped or added, nesting, then sometimes
/// the text itself cut or spliced. Deterministic for a seed: a failure names the seed, the case and the
/// input, and <c>FUZZ_SEED</c> replays or varies a run.
/// </summary>
public sealed class JsonFuzz(int seed)
{
    /// <summary>The run's seed: <c>FUZZ_SEED</c> when set, else the fixed one given.</summary>
    public static int Seed(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : fixedSeed;

    private static readonly string[] HostileStrings =
    [
        string.Empty, " ", "0", "-1", "null", "true", "{}", "[]", "\u0000", "\u202E", "\uD800", "\u200B", "\r\n", "%", "%%", "&=&", "a=b&c",
        "<@1|x>", "<#1|x>", "<@>", "k:", "c:", "f:1:prep:0", "m:1:prep:0", "one-on-one", "help", "9223372036854775808",
        "123456789012345678", new string('x', 5000), new string('\u00E9', 300), "😀", "\\", "\"", "'", "https://", "http://127.0.0.1:1/",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A copy of <paramref name="seed"/> with one to four mutations.</summary>
    public JsonNode Mutate(JsonNode seed)
    {
        var copy = seed.DeepClone();
        var times = _random.Next(1, 5);
        for (var i = 0; i < times; i++)
        {
            copy = MutateOnce(copy);
        }

        return copy;
    }

    /// <summary>The mutated JSON's text, now and then cut short, spliced or with a byte changed, so the parser sees broken JSON too.</summary>
    public string MutateText(JsonNode seed)
    {
        var text = Mutate(seed).ToJsonString();
        return _random.Next(6) switch
        {
            0 when text.Length > 1 => text[.._random.Next(1, text.Length)],
            1 when text.Length > 2 => text.Insert(_random.Next(text.Length), Pick(["{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000"])),
            2 when text.Length > 2 => text.Remove(_random.Next(text.Length - 1), 1),
            _ => text,
        };
    }

    /// <summary>A form body from fields: values swapped for hostile ones, fields dropped, added or repeated, sometimes raw garbage.</summary>
    public string MutateForm(IReadOnlyDictionary<string, string> fields)
    {
        var pairs = fields.Select(f => (Name: f.Key, Value: f.Value)).ToList();
        var times = _random.Next(1, 4);
        for (var i = 0; i < times && pairs.Count > 0; i++)
        {
            var at = _random.Next(pairs.Count);
            switch (_random.Next(5))
            {
                case 0:
                    pairs[at] = (pairs[at].Name, Pick(HostileStrings));
                    break;
                case 1:
                    pairs.RemoveAt(at);
                    break;
                case 2:
                    pairs.Add(pairs[at]);
                    break;
                case 3:
                    pairs.Add(("extra_" + _random.Next(100).ToString(CultureInfo.InvariantCulture), Pick(HostileStrings)));
                    break;
                default:
                    pairs[at] = (Pick(HostileStrings), pairs[at].Value);
                    break;
            }
        }

        var body = string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        return _random.Next(8) switch
        {
            0 => body.Replace("%", Pick(["%", "%Z", "%%", "%0"]), StringComparison.Ordinal),
            1 when body.Length > 1 => body[.._random.Next(1, body.Length)],
            _ => body,
        };
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>How deeply <paramref name="node"/> nests: System.Text.Json's serializer refuses to write past 64.</summary>
    public static int Depth(JsonNode? node) => node switch
    {
        JsonObject container => 1 + container.Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonArray list => 1 + list.Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };

    private JsonNode MutateOnce(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var target = Pick(nodes);
        if (target == root)
        {
            return _random.Next(10) == 0 ? RandomValue(depth: 0) ?? JsonValue.Create(0) : AddField(root);
        }

        var parent = target.Parent!;
        switch (_random.Next(4))
        {
            case 0 when parent is JsonObject container:
                container.Remove(target.GetPropertyName());
                break;
            case 1:
                AddField(target);
                break;
            default:
                Replace(target, parent, RandomValue(depth: 0));
                break;
        }

        return root;
    }

    private JsonNode AddField(JsonNode node)
    {
        switch (node)
        {
            case JsonObject container:
                container["unknown_" + _random.Next(1000).ToString(CultureInfo.InvariantCulture)] = RandomValue(depth: 0);
                break;
            case JsonArray list:
                list.Add(RandomValue(depth: 0));
                break;
        }

        return node;
    }

    private static void Replace(JsonNode target, JsonNode parent, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject container:
                container[target.GetPropertyName()] = value;
                break;
            case JsonArray list:
                list[target.GetElementIndex()] = value;
                break;
        }
    }

    private JsonNode? RandomValue(int depth) => _random.Next(depth > 2 ? 9 : 12) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next(2) == 0),
        2 => JsonValue.Create(Pick([0L, -1L, 1L, 2L, 3L, 4L, 5L, 9L, 18L, int.MaxValue + 1L, long.MinValue, 9007199254740993L])),
        3 => JsonValue.Create(Pick([0.5, -1e308, 1e308, double.Epsilon])),
        4 or 5 or 6 => JsonValue.Create(Pick(HostileStrings)),
        7 => JsonValue.Create(RandomText()),
        8 => Deep(_random.Next(20, 60)),
        9 => new JsonObject { ["id"] = RandomValue(depth + 1), ["type"] = RandomValue(depth + 1), ["custom_id"] = RandomValue(depth + 1) },
        10 => new JsonArray(RandomValue(depth + 1), RandomValue(depth + 1)),
        _ => new JsonObject(),
    };

    private string RandomText()
    {
        var text = new StringBuilder();
        var length = _random.Next(0, 40);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)_random.Next(1, 0x3000));
        }

        return text.ToString();
    }

    /// <summary>Nested arrays: inside a payload, deeper than parsers allow (64 by default); shallow enough for a serializer to write.</summary>
    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject container:
                foreach (var (_, child) in container)
                {
                    Collect(child, into);
                }

                break;
            case JsonArray list:
                foreach (var child in list)
                {
                    Collect(child, into);
                }

                break;
        }
    }
}
