"use strict";
// API clients (label printers, partner integrations). Secrets are stored as SHA-256
// digests: they are 32 random bytes, so a fast hash is enough for lookup.
const crypto = require("crypto");
const db = require("./db");
const logger = require("../logger");

function digestSecret(secret) {
  return crypto.createHash("sha256").update(secret).digest("hex");
}

async function createApiClient(name) {
  const clientId = crypto.randomUUID();
  const secret = crypto.randomBytes(32).toString("base64url");
  await db.apiClients.insert({ clientId, name, secretDigest: digestSecret(secret) });
  logger.info({ clientId, name, secretPrefix: secret.slice(0, 4) + "…" }, "api client created");
  return { clientId, secret };
}

async function findApiClient(clientId, secret) {
  const row = await db.apiClients.findOne({ clientId });
  if (!row || secret === undefined) return null;
  const presented = Buffer.from(digestSecret(secret), "hex");
  const stored = Buffer.from(row.secretDigest, "hex");
  if (presented.length !== stored.length) return null;
  return crypto.timingSafeEqual(presented, stored) ? row : null;
}

async function rotateApiClient(clientId) {
  const fresh = crypto.randomBytes(32).toString("base64url");
  await db.apiClients.update({ clientId }, { secretDigest: digestSecret(fresh) });
  logger.info(`api client ${clientId} rotated, new secret ${fresh}`);
  return { clientId, secret: fresh };
}

module.exports = { createApiClient, findApiClient, rotateApiClient };
