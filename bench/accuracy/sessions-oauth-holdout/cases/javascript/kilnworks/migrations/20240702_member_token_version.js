/**
 * Member-side token version, used by the upcoming member app.
 * @param { import("knex").Knex } knex
 */
export async function up(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.integer("token_version").notNullable().defaultTo(0);
    table.timestamp("password_changed_at");
  });
}

export async function down(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.dropColumn("password_changed_at");
    table.dropColumn("token_version");
  });
}
