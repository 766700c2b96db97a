import type { Knex } from "knex";

const config: { [env: string]: Knex.Config } = {
  development: {
    client: "pg",
    connection: process.env.DATABASE_URL,
    migrations: { directory: "./src/migrations", extension: "ts" },
  },
  production: {
    client: "pg",
    connection: { connectionString: process.env.DATABASE_URL, ssl: { rejectUnauthorized: true } },
    pool: { min: 2, max: 12 },
    migrations: { directory: "./dist/src/migrations", loadExtensions: [".js"] },
  },
};

export default config;
