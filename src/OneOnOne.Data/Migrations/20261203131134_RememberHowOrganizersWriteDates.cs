using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OneOnOne.Data.Migrations
{
    /// <inheritdoc />
    public partial class RememberHowOrganizersWriteDates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DateOrder",
                table: "Organizers",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DateOrder",
                table: "Organizers");
        }
    }
}
