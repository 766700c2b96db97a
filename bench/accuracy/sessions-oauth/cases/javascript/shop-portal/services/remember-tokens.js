"use strict";

const crypto = require("crypto");
const db = require("./db");

function digest(token) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

async function store(userId, token, ttlMs) {
  await db("remember_tokens").insert({
    token_hash: digest(token),
    user_id: userId,
    expires_at: new Date(Date.now() + ttlMs),
  });
}

async function lookup(token) {
  const row = await db("remember_tokens")
    .where({ token_hash: digest(String(token)) })
    .andWhere("expires_at", ">", new Date())
    .first();
  return row ? row.user_id : null;
}

async function revokeAllForUser(userId) {
  await db("remember_tokens").where({ user_id: userId }).del();
}

async function purgeExpired() {
  const removed = await db("remember_tokens").where("expires_at", "<=", new Date()).del();
  return removed;
}

module.exports = { store, lookup, revokeAllForUser, purgeExpired };
