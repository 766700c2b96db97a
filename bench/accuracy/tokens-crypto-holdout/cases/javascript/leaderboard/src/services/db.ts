import { Pool } from "pg";

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

export const db = {
  async query(sql: string, params: unknown[] = []) {
    const { rows } = await pool.query(sql, params);
    return rows;
  },
  async one(sql: string, params: unknown[] = []) {
    const { rows } = await pool.query(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}`);
    return rows[0];
  },
};
