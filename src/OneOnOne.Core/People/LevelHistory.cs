using OneOnOne.Core.Dialogue;
using OneOnOne.Core.Domain;
using OneOnOne.Core.Storage;

namespace OneOnOne.Core.People;

/// <summary>Moves a person on the engagement pyramid and keeps the history of every move.</summary>
public sealed class LevelHistory(IOneOnOneStore store)
{
    /// <summary>Records the level; returns false (and records nothing) when it is unchanged.</summary>
    public bool Record(ConversationContext context, Person person, EngagementLevel level)
    {
        if (person.Level == level)
        {
            return false;
        }

        store.LevelChanges.Add(new LevelChange
        {
            PersonId = person.Id,
            OrganizerId = context.Organizer.Id,
            From = person.Level,
            To = level,
            MovedUp = person.Level is { } before && level > before,
            ChangedAt = context.Now,
        });
        person.Level = level;
        return true;
    }
}
