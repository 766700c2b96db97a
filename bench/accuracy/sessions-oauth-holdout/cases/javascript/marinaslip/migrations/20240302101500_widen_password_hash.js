/**
 * Switching members to argon2id: encoded hashes are ~97 characters.
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.string("password_hash", 255).alter();
    table.string("password_algo", 16).notNullable().defaultTo("bcrypt");
    table.timestamp("password_changed_at");
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.dropColumn("password_changed_at");
    table.dropColumn("password_algo");
  });
};
