import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable("partners", (t) => {
    t.uuid("id").primary().defaultTo(knex.raw("gen_random_uuid()"));
    t.uuid("org_id").notNullable();
    t.string("email", 320).notNullable().unique();
    t.specificType("password_hash", "char(32)").notNullable();
    t.string("role", 20).notNullable().defaultTo("member");
    t.string("locale", 5).notNullable().defaultTo("en");
    t.string("fax_number", 32);
    t.integer("token_version").notNullable().defaultTo(0);
    t.timestamps(true, true);
  });

  await knex.schema.createTable("admins", (t) => {
    t.uuid("id").primary().defaultTo(knex.raw("gen_random_uuid()"));
    t.string("username", 64).notNullable().unique();
    t.string("password_hash", 60).notNullable();
  });

  await knex.schema.createTable("refresh_tokens", (t) => {
    t.string("token_hash", 64).primary();
    t.uuid("partner_id").notNullable().references("partners.id").onDelete("CASCADE");
    t.timestamp("expires_at").notNullable();
  });

  await knex.schema.createTable("revoked_tokens", (t) => {
    t.uuid("jti").primary();
    t.timestamp("expires_at").notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("revoked_tokens");
  await knex.schema.dropTable("refresh_tokens");
  await knex.schema.dropTable("admins");
  await knex.schema.dropTable("partners");
}
