"use strict";

exports.up = async function up(knex) {
  await knex.schema.alterTable("users", (table) => {
    table.text("password_hash").alter();
    table.timestamp("password_changed_at");
    table.string("password_hint", 40);
    table.dropColumn("legacy_avatar");
  });

  await knex.schema.alterTable("staff", (table) => {
    table.string("password_hash", 255).notNullable().alter();
  });

  await knex.schema.createTable("remember_tokens", (table) => {
    table.specificType("token_hash", "char(64)").primary();
    table.integer("user_id").notNullable().references("users.id").onDelete("CASCADE");
    table.timestamp("expires_at").notNullable();
    table.index(["user_id"]);
  });

  await knex.schema.createTable("personal_tokens", (table) => {
    table.increments("id").primary();
    table.integer("user_id").notNullable().references("users.id").onDelete("CASCADE");
    table.string("token_hash", 64).notNullable().unique();
    table.string("scopes", 200).notNullable();
    table.timestamp("created_at").defaultTo(knex.fn.now());
  });

  await knex.schema.dropTableIfExists("coupons");
};

exports.down = async function down(knex) {
  await knex.schema.dropTable("personal_tokens");
  await knex.schema.dropTable("remember_tokens");
  await knex.schema.alterTable("users", (table) => {
    table.dropColumn("password_hint");
    table.dropColumn("password_changed_at");
    table.string("legacy_avatar", 255);
  });
};
