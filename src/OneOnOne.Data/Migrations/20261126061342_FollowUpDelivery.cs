using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowUpDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DigestChannel",
                table: "Teams",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DigestDay",
                table: "Teams",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "DigestTime",
                table: "Teams",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "DigestTimeZone",
                table: "Teams",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NextDigestAt",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "Organizers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NudgesOff",
                table: "Organizers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PauseSuggestedAt",
                table: "Organizers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PausedUntil",
                table: "Organizers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClaimedAt",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlannedForStart",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PlatformMessageId",
                table: "FollowUps",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SnoozedFromId",
                table: "FollowUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Teams_NextDigestAt",
                table: "Teams",
                column: "NextDigestAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Teams_NextDigestAt",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "DigestChannel",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "DigestDay",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "DigestTime",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "DigestTimeZone",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "NextDigestAt",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "Organizers");

            migrationBuilder.DropColumn(
                name: "NudgesOff",
                table: "Organizers");

            migrationBuilder.DropColumn(
                name: "PauseSuggestedAt",
                table: "Organizers");

            migrationBuilder.DropColumn(
                name: "PausedUntil",
                table: "Organizers");

            migrationBuilder.DropColumn(
                name: "ClaimedAt",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PlannedForStart",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "PlatformMessageId",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "SnoozedFromId",
                table: "FollowUps");
        }
    }
}
