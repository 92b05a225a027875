using System.ComponentModel;
using System.Globalization;

namespace OneOnOne.Core.Settings;

/// <summary>How a setting of each type is written, in the words an operator reads in an error or the README.</summary>
public static class SettingFormats
{
    /// <summary>What a value of <paramref name="type"/> looks like, e.g. "a time of day as hh:mm, e.g. 21:00".</summary>
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", Enum.GetNames(type));
        }

        return type switch
        {
            _ when type == typeof(TimeSpan) => "a duration as hh:mm:ss or days.hh:mm:ss, e.g. 00:30:00 for half an hour or 14.00:00:00 for two weeks",
            _ when type == typeof(TimeOnly) => "a time of day as hh:mm, from 00:00 to 23:59, e.g. 21:00",
            _ when type == typeof(bool) => "true or false",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number",
            _ => "a " + type.Name,
        };
    }

    /// <summary>Whether <paramref name="value"/> converts to <paramref name="type"/> the way the configuration binder converts it.</summary>
    public static bool CanRead(Type type, string value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return true;
        }

        // An empty value (Section__Key= in the environment) is "not set" where that exists. Elsewhere some converters
        // would read it as a value nobody wrote (midnight for a time of day), so it is refused.
        if (value.Length == 0)
        {
            return target != type;
        }

        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromString(null, CultureInfo.InvariantCulture, value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }
}
