"use strict";
// Thin wrapper over the Postgres pool; collections expose a tiny query API.
const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });

function collection(table) {
  return {
    async findOne(where) {
      const keys = Object.keys(where);
      const clause = keys.map((k, i) => `"${k}" = $${i + 1}`).join(" AND ");
      const { rows } = await pool.query(`SELECT * FROM ${table} WHERE ${clause} LIMIT 1`, keys.map((k) => where[k]));
      return rows[0] || null;
    },
    async findById(id) {
      return this.findOne({ id });
    },
    async insert(row) {
      const keys = Object.keys(row);
      const cols = keys.map((k) => `"${k}"`).join(", ");
      const params = keys.map((_, i) => `$${i + 1}`).join(", ");
      const { rows } = await pool.query(`INSERT INTO ${table} (${cols}) VALUES (${params}) RETURNING *`, keys.map((k) => row[k]));
      return rows[0];
    },
    async update(where, changes) {
      const row = await this.findOne(where);
      if (!row) return null;
      const keys = Object.keys(changes);
      const sets = keys.map((k, i) => `"${k}" = $${i + 2}`).join(", ");
      await pool.query(`UPDATE ${table} SET ${sets} WHERE id = $1`, [row.id, ...keys.map((k) => changes[k])]);
      return { ...row, ...changes };
    },
  };
}

module.exports = {
  pool,
  apiClients: collection("api_clients"),
  shipments: collection("shipments"),
  users: collection("users"),
  drivers: collection("drivers"),
};
