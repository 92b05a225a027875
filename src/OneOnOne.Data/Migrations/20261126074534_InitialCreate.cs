using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProcessedEvents",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedEvents", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DigestChannel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DigestDay = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DigestTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    DigestTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    NextDigestAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PlatformTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Goal = table.Column<int>(type: "INTEGER", nullable: true),
                    GoalSetAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PausedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    NudgesOff = table.Column<bool>(type: "INTEGER", nullable: false),
                    PauseSuggestedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizers_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FlowRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FlowVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FlowRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FlowRuns_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ReferredByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    AddedByOrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Organizers_AddedByOrganizerId",
                        column: x => x.AddedByOrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_People_People_ReferredByPersonId",
                        column: x => x.ReferredByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_People_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LevelChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MovedUp = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LevelChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LevelChanges_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LevelChanges_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Prep_Goal = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_WhyThem = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_TheirInterest = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_KnownAndHoped = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_MyStory = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_Ask = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_Alternatives = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_Connection = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_InvitationPurpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Prep_CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HeldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    NoReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AnswerNote = table.Column<string>(type: "TEXT", nullable: true),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CommitmentDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CommitmentDoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetings_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Relationships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OnList = table.Column<bool>(type: "INTEGER", nullable: false),
                    MetAt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Relationships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Relationships_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Relationships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizerId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlannedForStart = table.Column<long>(type: "INTEGER", nullable: true),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PlatformMessageId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SnoozedFromId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUps_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_FollowUps_Organizers_OrganizerId",
                        column: x => x.OrganizerId,
                        principalTable: "Organizers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FollowUps_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "Reflections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommonGround = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CaresAbout = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Excites = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Talents = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Story = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DidWell = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DoDifferently = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    LeadsNotFollowed = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MeetAgain = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Referrals = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reflections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reflections_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FlowRuns_OrganizerId",
                table: "FlowRuns",
                column: "OrganizerId",
                unique: true,
                filter: "\"Status\" = 'Active'");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_MeetingId",
                table: "FollowUps",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_OrganizerId_Status",
                table: "FollowUps",
                columns: new[] { "OrganizerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_PersonId",
                table: "FollowUps",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUps_Status_DueAt",
                table: "FollowUps",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LevelChanges_ChangedAt",
                table: "LevelChanges",
                column: "ChangedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LevelChanges_OrganizerId",
                table: "LevelChanges",
                column: "OrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_LevelChanges_PersonId_ChangedAt",
                table: "LevelChanges",
                columns: new[] { "PersonId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OrganizerId_CommitmentDueAt",
                table: "Meetings",
                columns: new[] { "OrganizerId", "CommitmentDueAt" },
                filter: "\"Commitment\" IS NOT NULL AND \"CommitmentDoneAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OrganizerId_Status_HeldAt",
                table: "Meetings",
                columns: new[] { "OrganizerId", "Status", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_OrganizerId_Status_StartsAt",
                table: "Meetings",
                columns: new[] { "OrganizerId", "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_PersonId_HeldAt",
                table: "Meetings",
                columns: new[] { "PersonId", "HeldAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizers_TeamId_ExternalUserId",
                table: "Organizers",
                columns: new[] { "TeamId", "ExternalUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_AddedByOrganizerId",
                table: "People",
                column: "AddedByOrganizerId");

            migrationBuilder.CreateIndex(
                name: "IX_People_ReferredByPersonId",
                table: "People",
                column: "ReferredByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_People_TeamId_ExternalUserId",
                table: "People",
                columns: new[] { "TeamId", "ExternalUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TeamId_Level",
                table: "People",
                columns: new[] { "TeamId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TeamId_NormalizedName",
                table: "People",
                columns: new[] { "TeamId", "NormalizedName" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedEvents_ReceivedAt",
                table: "ProcessedEvents",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_MeetingId",
                table: "Reflections",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_OrganizerId_PersonId",
                table: "Relationships",
                columns: new[] { "OrganizerId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_PersonId",
                table: "Relationships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_NextDigestAt",
                table: "Teams",
                column: "NextDigestAt");

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Platform_ExternalId",
                table: "Teams",
                columns: new[] { "Platform", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FlowRuns");

            migrationBuilder.DropTable(
                name: "FollowUps");

            migrationBuilder.DropTable(
                name: "LevelChanges");

            migrationBuilder.DropTable(
                name: "ProcessedEvents");

            migrationBuilder.DropTable(
                name: "Reflections");

            migrationBuilder.DropTable(
                name: "Relationships");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Organizers");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}
