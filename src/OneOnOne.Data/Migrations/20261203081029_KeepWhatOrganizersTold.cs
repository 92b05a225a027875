using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeepWhatOrganizersTold : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReferredByPersonId",
                table: "Relationships",
                type: "INTEGER",
                nullable: true);

            // A referral was recorded by the organizer who added the person; it becomes part of that
            // organizer's private relationship instead of a fact every organizer on the team could see.
            migrationBuilder.Sql("""
                UPDATE "Relationships" SET "ReferredByPersonId" = (
                    SELECT p."ReferredByPersonId" FROM "People" p
                    WHERE p."Id" = "Relationships"."PersonId" AND p."AddedByOrganizerId" = "Relationships"."OrganizerId")
                """);

            migrationBuilder.DropForeignKey(
                name: "FK_People_People_ReferredByPersonId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_Reflections_MeetingId",
                table: "Reflections");

            migrationBuilder.DropIndex(
                name: "IX_People_ReferredByPersonId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ReferredByPersonId",
                table: "People");

            migrationBuilder.CreateTable(
                name: "SimulatedClocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Ahead = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SimulatedClocks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Relationships_ReferredByPersonId",
                table: "Relationships",
                column: "ReferredByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Reflections_MeetingId_CompletedAt",
                table: "Reflections",
                columns: new[] { "MeetingId", "CompletedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Relationships_People_ReferredByPersonId",
                table: "Relationships",
                column: "ReferredByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Relationships_People_ReferredByPersonId",
                table: "Relationships");

            migrationBuilder.DropTable(
                name: "SimulatedClocks");

            migrationBuilder.DropIndex(
                name: "IX_Relationships_ReferredByPersonId",
                table: "Relationships");

            migrationBuilder.DropIndex(
                name: "IX_Reflections_MeetingId_CompletedAt",
                table: "Reflections");

            migrationBuilder.AddColumn<int>(
                name: "ReferredByPersonId",
                table: "People",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "People" SET "ReferredByPersonId" = (
                    SELECT r."ReferredByPersonId" FROM "Relationships" r
                    WHERE r."PersonId" = "People"."Id" AND r."OrganizerId" = "People"."AddedByOrganizerId")
                """);

            migrationBuilder.DropColumn(
                name: "ReferredByPersonId",
                table: "Relationships");


            migrationBuilder.CreateIndex(
                name: "IX_Reflections_MeetingId",
                table: "Reflections",
                column: "MeetingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_ReferredByPersonId",
                table: "People",
                column: "ReferredByPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_People_ReferredByPersonId",
                table: "People",
                column: "ReferredByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
