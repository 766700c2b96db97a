"use strict";

const base = {
  client: "pg",
  migrations: {
    directory: "./migrations",
    tableName: "knex_migrations",
  },
  pool: { min: 1, max: 10 },
};

module.exports = {
  development: {
    ...base,
    connection: process.env.DATABASE_URL || "postgres://localhost/shop_portal_dev",
  },
  test: {
    ...base,
    connection: process.env.TEST_DATABASE_URL || "postgres://localhost/shop_portal_test",
  },
  production: {
    ...base,
    connection: {
      connectionString: process.env.DATABASE_URL,
      ssl: { rejectUnauthorized: true },
    },
    pool: { min: 2, max: 20 },
  },
};
