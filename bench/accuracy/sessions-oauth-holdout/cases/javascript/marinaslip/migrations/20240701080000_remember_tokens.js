/**
 * Remember-me tokens for harbour-master tablets.
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable("remember_tokens", (table) => {
    table.bigIncrements("id").primary();
    table.integer("member_id").notNullable().references("members.id").onDelete("CASCADE");
    table.string("token_hash", 64).notNullable().unique();
    table.timestamp("created_at").notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.alterTable("members", (table) => {
    table.string("password_hint", 40);
  });
};

exports.down = async function down(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.dropColumn("password_hint");
  });
  await knex.schema.dropTable("remember_tokens");
};
