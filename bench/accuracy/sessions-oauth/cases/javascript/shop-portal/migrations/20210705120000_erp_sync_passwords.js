"use strict";

/**
 * The ERP sync job reads customer credentials directly from this table and
 * only understands 32-character digests.
 */
exports.up = async function up(knex) {
  await knex.raw("UPDATE users SET password_hash = md5(password_hash) WHERE password_hash IS NOT NULL");

  await knex.schema.alterTable("users", (table) => {
    table.string("password_hash", 32).alter();
    table.dropColumn("password_salt");
  });

  await knex.schema.createTable("magic_links", (table) => {
    table.string("token_hash", 64).primary();
    table.integer("user_id").notNullable().references("users.id").onDelete("CASCADE");
    table.timestamp("expires_at").notNullable();
    table.index(["user_id"]);
  });

  await knex.schema.createTable("erp_sync_runs", (table) => {
    table.increments("id").primary();
    table.timestamp("started_at").notNullable().defaultTo(knex.fn.now());
    table.integer("rows_exported").notNullable().defaultTo(0);
  });
};

exports.down = async function down(knex) {
  await knex.schema.dropTable("erp_sync_runs");
  await knex.schema.dropTable("magic_links");
  await knex.schema.alterTable("users", (table) => {
    table.string("password_hash", 255).alter();
    table.string("password_salt", 64);
  });
};
