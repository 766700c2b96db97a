/**
 * Instructor logins for the phone app.
 * @param { import("knex").Knex } knex
 */
export async function up(knex) {
  await knex.schema.createTable("instructors", (table) => {
    table.increments("id");
    table.string("email", 254).notNullable().unique();
    table.string("display_name", 80).notNullable();
    table.string("password_hash", 128).notNullable();
    table.string("salt", 32);
    table.integer("token_version").notNullable().defaultTo(0);
    table.timestamps(true, true);
  });

  await knex.schema.createTable("instructor_refresh_tokens", (table) => {
    table.string("token", 72).primary();
    table.uuid("family").notNullable().index();
    table.integer("instructor_id").notNullable().references("instructors.id").onDelete("CASCADE");
    table.timestamp("expires_at").notNullable();
    table.timestamp("used_at");
  });

  await knex.schema.createTable("jwt_denylist", (table) => {
    table.string("jti", 64).primary();
    table.timestamp("expires_at").notNullable();
  });
}

export async function down(knex) {
  await knex.schema.dropTable("jwt_denylist");
  await knex.schema.dropTable("instructor_refresh_tokens");
  await knex.schema.dropTable("instructors");
}
