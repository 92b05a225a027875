using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class RememberWhoChoseTheDigestChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DigestChannelChosenBy",
                table: "Teams",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DigestChannelName",
                table: "Teams",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DigestChannelChosenBy",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "DigestChannelName",
                table: "Teams");
        }
    }
}
