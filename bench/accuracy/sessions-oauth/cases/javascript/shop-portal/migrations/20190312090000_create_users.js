"use strict";

/**
 * Initial schema: customers, staff accounts and provider identities.
 */
exports.up = async function up(knex) {
  await knex.schema.createTable("users", (table) => {
    table.increments("id").primary();
    table.string("email", 320).notNullable().unique();
    table.string("password_hash", 255);
    table.string("password_salt", 64);
    table.string("role", 16).notNullable().defaultTo("customer");
    table.string("country_code", 2);
    table.string("theme", 8).notNullable().defaultTo("light");
    table.timestamps(true, true);
  });

  await knex.schema.createTable("staff", (table) => {
    table.increments("id").primary();
    table.string("username", 64).notNullable().unique();
    table.string("password_hash", 40).notNullable();
    table.specificType("scopes", "text[]").notNullable().defaultTo("{}");
  });

  await knex.schema.createTable("identities", (table) => {
    table.increments("id").primary();
    table.integer("user_id").notNullable().references("users.id").onDelete("CASCADE");
    table.string("provider", 32).notNullable();
    table.string("provider_id", 128).notNullable();
    table.unique(["provider", "provider_id"]);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable("identities");
  await knex.schema.dropTable("staff");
  await knex.schema.dropTable("users");
};
