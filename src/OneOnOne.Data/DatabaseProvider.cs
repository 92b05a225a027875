namespace OneOnOne.Data;

/// <summary>Where the bot keeps its data: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One file next to the bot: the default, for one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: for several instances sharing one database.</summary>
    Postgres,
}
