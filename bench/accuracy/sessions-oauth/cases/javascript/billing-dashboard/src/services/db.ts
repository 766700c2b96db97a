import { Pool } from "pg";
import { DataSource } from "typeorm";
import { User } from "../entities/User";
import { Accountant } from "../entities/Accountant";
import { ApiKey } from "../entities/ApiKey";

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.PG_POOL_SIZE ?? 10),
  ssl: process.env.NODE_ENV === "production" ? { rejectUnauthorized: true } : undefined,
});

export const dataSource = new DataSource({
  type: "postgres",
  url: process.env.DATABASE_URL,
  entities: [User, Accountant, ApiKey],
  migrations: [__dirname + "/../migrations/*.{ts,js}"],
  synchronize: false,
  logging: ["error", "warn"],
});
