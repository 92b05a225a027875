using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OneOnOne.Data;

/// <summary>Stores an instant as UTC ticks; every instant the bot keeps is UTC anyway.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
