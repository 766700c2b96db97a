/**
 * Members, their boats and the kiosk PIN used by dock staff.
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.raw('create extension if not exists "pgcrypto"');

  await knex.schema.createTable("members", (table) => {
    table.increments("id").primary();
    table.string("email", 320).unique();
    table.string("display_name", 120);
    table.string("password_hash", 60);
    table.string("password_salt", 32);
    table.string("kiosk_code", 12).unique();
    table.string("kiosk_pin_hash", 60);
    table.specificType("roles", "text[]").notNullable().defaultTo("{}");
    table.timestamp("last_login_at");
    table.timestamps(true, true);
  });

  await knex.schema.createTable("boats", (table) => {
    table.increments("id").primary();
    table.integer("owner_id").notNullable().references("members.id").onDelete("CASCADE");
    table.string("name", 80).notNullable();
    table.decimal("length_m", 5, 2).notNullable();
    table.decimal("draft_m", 4, 2);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable("boats");
  await knex.schema.dropTable("members");
};
