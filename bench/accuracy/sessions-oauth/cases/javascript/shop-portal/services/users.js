"use strict";

const crypto = require("crypto");
const db = require("./db");

const COLUMNS = ["id", "email", "password_hash as passwordHash", "role", "theme"];

function sha256(value) {
  return crypto.createHash("sha256").update(value).digest("hex");
}

async function findById(id) {
  return db("users").select(COLUMNS).where({ id }).first();
}

async function findByEmail(email) {
  return db("users").select(COLUMNS).where({ email }).first();
}

async function findStaff(username) {
  return db("staff").select("id", "password_hash as passwordHash", "scopes").where({ username }).first();
}

async function create({ email, passwordHash }) {
  const [row] = await db("users").insert({ email, password_hash: passwordHash }).returning(["id", "email", "role"]);
  return row;
}

async function updatePasswordHash(id, passwordHash) {
  await db("users").where({ id }).update({ password_hash: passwordHash, password_changed_at: db.fn.now() });
}

async function updatePreferences(id, prefs) {
  await db("users").where({ id }).update({ theme: prefs.theme });
}

async function upsertFromProvider(provider, providerId, email) {
  const existing = await db("identities").where({ provider, provider_id: providerId }).first();
  if (existing) return findById(existing.user_id);
  const user = (await findByEmail(email)) || (await create({ email, passwordHash: null }));
  await db("identities").insert({ provider, provider_id: providerId, user_id: user.id });
  return user;
}

async function consumeMagicLink(token) {
  const row = await db("magic_links")
    .where({ token_hash: sha256(token) })
    .andWhere("expires_at", ">", db.fn.now())
    .del()
    .returning("user_id");
  return row.length ? findById(row[0].user_id) : null;
}

async function issuePersonalToken(userId, { scopes }) {
  const token = crypto.randomBytes(24).toString("base64url");
  await db("personal_tokens").insert({ user_id: userId, token_hash: sha256(token), scopes: scopes.join(" ") });
  return token;
}

module.exports = {
  findById,
  findByEmail,
  findStaff,
  create,
  updatePasswordHash,
  updatePreferences,
  upsertFromProvider,
  consumeMagicLink,
  issuePersonalToken,
};
