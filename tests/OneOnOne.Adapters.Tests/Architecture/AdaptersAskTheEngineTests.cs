using System.Reflection;
using Microsoft.EntityFrameworkCore;
using OneOnOne.Adapters.Flows;
using OneOnOne.Console;
using OneOnOne.Core.Storage;
using OneOnOne.Discord;
using OneOnOne.Slack;

namespace OneOnOne.Adapters.Tests.Architecture;

/// <summary>
/// DESIGN.md: adapters ask the engine, never the database. Each adapter project is checked three ways: what
/// its assembly references, what its types hold or take, and what its source and project files say.
/// </summary>
public sealed class AdaptersAskTheEngineTests
{
    private const string EntityFramework = "Microsoft.EntityFrameworkCore";

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<string, Assembly> Adapters = new[]
    {
        typeof(SlackHostingExtensions).Assembly,
        typeof(DiscordHostingExtensions).Assembly,
        typeof(ConsoleServiceCollectionExtensions).Assembly,
        typeof(FlowCatalog).Assembly,
    }.ToDictionary(a => a.GetName().Name!);

    public static TheoryData<string> AdapterProjects => [.. Adapters.Keys];

    [Theory]
    [MemberData(nameof(AdapterProjects))]
    public void An_adapter_assembly_references_no_Entity_Framework(string project)
    {
        var references = Adapters[project].GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith(EntityFramework, StringComparison.Ordinal));

        Assert.Empty(references);
    }

    [Theory]
    [MemberData(nameof(AdapterProjects))]
    public void No_adapter_type_holds_takes_or_returns_the_store_or_a_database_context(string project)
    {
        var found = Adapters[project].GetTypes().SelectMany(StorageUses).ToList();

        Assert.True(found.Count == 0, $"{project} reaches for storage instead of asking the engine:\n" + string.Join('\n', found));
    }

    [Theory]
    [MemberData(nameof(AdapterProjects))]
    public void No_adapter_source_or_project_file_names_Entity_Framework_or_the_store(string project)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".csproj", StringComparison.Ordinal))
            .Where(path => !InBuildOutput(folder, path))
            .ToList();
        Assert.NotEmpty(files);

        var found = files
            .SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(l => l.line.Contains(EntityFramework, StringComparison.Ordinal) || l.line.Contains(nameof(IOneOnOneStore), StringComparison.Ordinal))
            .Select(l => $"{Path.GetRelativePath(folder, l.path)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.True(found.Count == 0, $"{project} names storage; ask the engine (IConversationEngine, IConversationViews) instead:\n" + string.Join('\n', found));
    }

    /// <summary>Every field, property, constructor or method signature and local variable of <paramref name="type"/> that is storage.</summary>
    private static IEnumerable<string> StorageUses(Type type)
    {
        var uses = type.GetFields(Declared).Select(f => (f.Name, f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => (p.Name, p.PropertyType)))
            .Concat(type.GetConstructors(Declared).SelectMany(c => c.GetParameters()).Select(p => ($"ctor({p.Name})", p.ParameterType)))
            .Concat(type.GetMethods(Declared).SelectMany(m => m.GetParameters()
                .Select(p => ($"{m.Name}({p.Name})", p.ParameterType))
                .Append(($"{m.Name}: returns", m.ReturnType))
                .Concat(m.GetMethodBody()?.LocalVariables.Select(l => ($"{m.Name}: local {l.LocalIndex}", l.LocalType)) ?? [])));
        return uses.Where(use => IsStorage(use.Item2)).Select(use => $"{type.FullName}.{use.Item1}: {use.Item2}");
    }

    private static bool IsStorage(Type type) =>
        type == typeof(IOneOnOneStore)
        || typeof(DbContext).IsAssignableFrom(type)
        || type.Namespace?.StartsWith(EntityFramework, StringComparison.Ordinal) == true
        || (type.HasElementType && IsStorage(type.GetElementType()!))
        || (type.IsConstructedGenericType && type.GetGenericArguments().Any(IsStorage));

    private static bool InBuildOutput(string projectFolder, string path) =>
        Path.GetRelativePath(projectFolder, path).Split(Path.DirectorySeparatorChar) is [var top, ..] && top is "bin" or "obj";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OneOnOne.Bot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OneOnOne.Bot.sln above {AppContext.BaseDirectory}: the source check runs from a build inside the repository.");
    }
}
