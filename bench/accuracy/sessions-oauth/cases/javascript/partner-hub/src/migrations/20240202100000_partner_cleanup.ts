import type { Knex } from "knex";

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable("partners", (t) => {
    t.string("password_hash", 255).notNullable().alter();
    t.dropColumn("fax_number");
    t.dropColumn("token_version");
  });

  await knex.schema.dropTable("revoked_tokens");

  await knex.schema.createTable("password_resets", (t) => {
    t.specificType("token_hash", "char(64)").primary();
    t.uuid("partner_id").notNullable().references("partners.id").onDelete("CASCADE");
    t.timestamp("expires_at").notNullable();
  });

  await knex.schema.createTable("sdk_clients", (t) => {
    t.string("client_id", 40).primary();
    t.uuid("partner_id").notNullable().references("partners.id");
    t.string("secret_hash", 64).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable("sdk_clients");
  await knex.schema.dropTable("password_resets");
  await knex.schema.createTable("revoked_tokens", (t) => {
    t.uuid("jti").primary();
    t.timestamp("expires_at").notNullable().index();
  });
  await knex.schema.alterTable("partners", (t) => {
    t.integer("token_version").notNullable().defaultTo(0);
    t.string("fax_number", 32);
  });
}
