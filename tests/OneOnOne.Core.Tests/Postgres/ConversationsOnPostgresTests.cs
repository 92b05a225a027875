using OneOnOne.Core.Tests.Engine;

namespace OneOnOne.Core.Tests.Postgres;

// The conversations that lean hardest on the database, on PostgreSQL too: the whole method, finding people by names
// typed with other case, accents or invisible characters, and restarts with two organizers.

public sealed class MethodWalkthroughOnPostgresTests : OnPostgres<MethodWalkthroughTests>;

public sealed class FindingPeopleOnPostgresTests : OnPostgres<FindingPeopleTests>;

public sealed class LookAlikeNamesOnPostgresTests : OnPostgres<LookAlikeNamesTests>;

public sealed class ResumeAfterRestartOnPostgresTests : OnPostgres<ResumeAfterRestartTests>;
