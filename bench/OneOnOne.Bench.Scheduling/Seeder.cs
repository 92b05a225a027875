using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OneOnOne.Core.Domain;

namespace OneOnOne.Bench.Scheduling;

/// <summary>
/// Writes the benchmark data sets straight into a migrated file: one transaction, one prepared statement per
/// table, explicit ids (so rows can refer to each other without reading anything back). Deterministic.
/// </summary>
internal sealed class Seeder : IDisposable
{
    public const string Platform = "bench";

    private static readonly string[] OrganizerZones = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "America/Los_Angeles"];

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Random _random = new(20261126);
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, BulkInsert> _inserts = [];
    private int _teamId;
    private int _organizerId;
    private int _personId;
    private int _meetingId;
    private int _followUpId;
    private int _levelChangeId;

    private Seeder(SqliteConnection connection)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
    }

    public static async Task<Seeder> OpenAsync(string path, CancellationToken ct) =>
        new(await BenchDatabase.OpenAsync(path, ct));

    public long Rows => _inserts.Values.Sum(i => i.Rows);

    /// <summary>Commits and returns the elapsed time since the seeder was opened.</summary>
    public double Commit()
    {
        _transaction.Commit();
        return Stats.Ms(_started, Stopwatch.GetTimestamp());
    }

    public void Dispose()
    {
        foreach (var insert in _inserts.Values)
        {
            insert.Dispose();
        }

        _transaction.Dispose();
        _connection.Dispose();
    }

    public int Team(DateTimeOffset createdAt, string? digestChannel = null, DateTimeOffset? nextDigestAt = null)
    {
        var id = ++_teamId;
        Insert("Teams", "Id", "Platform", "ExternalId", "TimeZone", "CreatedAt", "DigestChannel", "DigestDay", "DigestTime",
                "DigestTimeZone", "NextDigestAt")
            .Add(id, Platform, $"T{id}", "America/New_York", createdAt, digestChannel, DayOfWeek.Monday, new TimeOnly(9, 0),
                null, nextDigestAt);
        return id;
    }

    public int Organizer(int teamId, DateTimeOffset createdAt, DateTimeOffset? lastSeenAt, int? goal = null,
        DateTimeOffset? goalSetAt = null, DateTimeOffset? pausedUntil = null)
    {
        var id = ++_organizerId;
        // A quarter keep the team's zone; the rest chose (or were given by the platform) one of a few others.
        var zone = id % 4 == 0 ? null : OrganizerZones[id % OrganizerZones.Length];
        Insert("Organizers", "Id", "TeamId", "ExternalUserId", "DisplayName", "TimeZone", "Goal", "GoalSetAt", "CreatedAt",
                "PlatformTimeZone", "LastSeenAt", "NudgesOff", "PauseSuggestedAt", "PausedUntil")
            .Add(id, teamId, $"U{id:D6}", $"Organizer {id:D6}", zone, goal, goalSetAt, createdAt,
                null, lastSeenAt, false, null, pausedUntil);
        return id;
    }

    public int Person(int teamId, int addedBy, DateTimeOffset createdAt, EngagementLevel? level = null, int? referredBy = null)
    {
        var id = ++_personId;
        var name = $"Person {id:D7}";
        Insert("People", "Id", "TeamId", "Name", "NormalizedName", "ExternalUserId", "Level", "AddedByOrganizerId", "CreatedAt")
            .Add(id, teamId, name, name.ToLowerInvariant(), null, level, addedBy, createdAt);

        // The organizer who added them keeps them on their list, with the referral they recorded.
        Insert("Relationships", "Id", "OrganizerId", "PersonId", "OnList", "AddedAt", "ReferredByPersonId")
            .Add(id, addedBy, id, true, createdAt, referredBy);
        return id;
    }

    public int Meeting(int organizerId, int personId, MeetingKind kind, MeetingStatus status, DateTimeOffset? startsAt,
        DateTimeOffset createdAt, DateTimeOffset? heldAt = null, AskAnswer? answer = null, NoReason? noReason = null,
        string? commitment = null, DateTimeOffset? commitmentDueAt = null, DateTimeOffset? commitmentDoneAt = null)
    {
        var id = ++_meetingId;
        Insert("Meetings", "Id", "OrganizerId", "PersonId", "Kind", "Status", "StartsAt", "DurationMinutes", "Place",
                "Prep_Goal", "Prep_WhyThem", "Prep_MyStory", "Prep_Ask", "Prep_CompletedAt", "HeldAt", "Answer", "NoReason",
                "AnswerNote", "Commitment", "CommitmentDueAt", "CommitmentDoneAt", "CreatedAt", "UpdatedAt")
            .Add(id, organizerId, personId, kind, status, startsAt, Core.Domain.Meeting.DefaultMinutes,
                startsAt is null ? null : "Cafe Luna, the back room",
                "Find out what keeps them up at night about rents in the building, and whether they would host a house meeting.",
                "They spoke up at the last tenants' assembly and several neighbours listen to them.",
                "How I got involved after our own landlord tried a 20% increase in one go.",
                "Would you join the housing committee and bring two neighbours to the next meeting?",
                createdAt, heldAt, answer, noReason,
                answer is AskAnswer.Maybe or AskAnswer.No ? "Busy until the end of the month; ask again after." : null,
                commitment, commitmentDueAt, commitmentDoneAt, createdAt, heldAt ?? createdAt);
        return id;
    }

    public int FollowUp(int organizerId, int? personId, int? meetingId, FollowUpKind kind, DateTimeOffset dueAt,
        FollowUpStatus status, DateTimeOffset createdAt, DateTimeOffset? plannedForStart = null, DateTimeOffset? sentAt = null)
    {
        var id = ++_followUpId;
        Insert("FollowUps", "Id", "OrganizerId", "PersonId", "MeetingId", "Kind", "DueAt", "Status", "CreatedAt", "SentAt",
                "ClaimedAt", "PlannedForStart", "PlatformMessageId", "SnoozedFromId")
            .Add(id, organizerId, personId, meetingId, kind, dueAt, status, createdAt, sentAt,
                sentAt, plannedForStart, sentAt is null ? null : $"seed-{id}", null);
        return id;
    }

    public void LevelChange(int personId, int organizerId, EngagementLevel? from, EngagementLevel to, DateTimeOffset changedAt)
    {
        var id = ++_levelChangeId;
        Insert("LevelChanges", "Id", "PersonId", "OrganizerId", "From", "To", "ChangedAt", "MovedUp")
            .Add(id, personId, organizerId, from, to, changedAt, from is { } previous && to > previous);
    }

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public double NextDouble() => _random.NextDouble();

    public TimeSpan Jitter(TimeSpan max) => TimeSpan.FromTicks((long)(_random.NextDouble() * max.Ticks));

    private BulkInsert Insert(string table, params string[] columns)
    {
        if (!_inserts.TryGetValue(table, out var insert))
        {
            insert = new BulkInsert(_connection, _transaction, table, columns);
            _inserts[table] = insert;
        }

        return insert;
    }
}
