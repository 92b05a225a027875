using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class LevelChangeMovedUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "MovedUp",
                table: "LevelChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MovedUp",
                table: "LevelChanges");
        }
    }
}
