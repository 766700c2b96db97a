/**
 * Storage clean-up requested by ops after the spring audit.
 * @param { import("knex").Knex } knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.dropColumn("legacy_avatar");
    table.dropColumn("password_salt");
    table.string("country_code", 2).alter();
  });

  await knex.schema.alterTable("members", (t) => {
    t.string("password_hash", 40).alter();
  });

  await knex.schema.dropTableIfExists("promo_coupons");
};

exports.down = async function down(knex) {
  await knex.schema.alterTable("members", (table) => {
    table.string("legacy_avatar", 255);
    table.string("country_code", 64).alter();
  });
};
