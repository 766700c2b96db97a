"use strict";

const mysql = require("mysql2/promise");

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 5,
  namedPlaceholders: true,
});

async function first(sql, params) {
  const [rows] = await pool.execute(sql, params);
  return rows[0] || null;
}

async function all(sql, params) {
  const [rows] = await pool.execute(sql, params);
  return rows;
}

async function run(sql, params) {
  const [result] = await pool.execute(sql, params);
  return result;
}

module.exports = { first, all, run };
