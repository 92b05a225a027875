using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OneOnOne.Core.Settings;

/// <summary>
/// Binds an options class to its configuration section so that a value of the wrong shape ("25:99" for a time of day)
/// stops start-up with a sentence naming the setting and what it accepts, alongside every other section's problems,
/// instead of the binder's exception surfacing later from whatever first reads the options.
/// </summary>
public static class SettingsBinding
{
    /// <summary>Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and checks it (and its validators) at start.</summary>
    public static OptionsBuilder<TOptions> BindSettings<TOptions>(this OptionsBuilder<TOptions> builder, string section)
        where TOptions : class
    {
        builder.Configure<IConfiguration>((options, configuration) => Bind(configuration.GetSection(section), options));
        return builder.ValidateOnStart();
    }

    /// <summary>
    /// Reads <typeparamref name="TOptions"/> now, for the few registrations that need a value while the host is being
    /// built; a value of the wrong shape throws the same <see cref="OptionsValidationException"/> start-up would.
    /// </summary>
    public static TOptions Read<TOptions>(IConfiguration configuration, string section)
        where TOptions : class, new()
    {
        var options = new TOptions();
        Bind(configuration.GetSection(section), options);
        return options;
    }

    private static void Bind<TOptions>(IConfigurationSection section, TOptions options)
        where TOptions : class
    {
        var problems = Unreadable(section, typeof(TOptions)).ToList();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(section.Path, typeof(TOptions), problems);
        }

        section.Bind(options);
    }

    private static IEnumerable<string> Unreadable(IConfigurationSection section, Type optionsType)
    {
        foreach (var property in optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = section[property.Name];

            if (value is not null && !SettingFormats.CanRead(property.PropertyType, value))
            {
                var key = $"{section.Path}:{property.Name}";
                yield return $"{key} is \"{value}\", which is not {SettingFormats.Describe(property.PropertyType)}. " +
                             $"Fix it where it is set (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}, " +
                             "appsettings.json or the command line), or remove it to use the default.";
            }
        }
    }
}
