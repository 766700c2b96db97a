import crypto from "node:crypto";
import { Router } from "express";
import { one, many, pool } from "../lib/db.js";

/**
 * JSON API for the agent mobile app. Access tokens are opaque and stored
 * hashed in agent_tokens, like the refresh tokens.
 */
const router = Router();

const sha256 = (value) => crypto.createHash("sha256").update(String(value)).digest("hex");
const randomToken = () => crypto.randomBytes(32).toString("base64url");
const ACCESS_MS = 15 * 60 * 1000;
const REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

async function storeToken(agentId, kind, token, ttlMs, client = pool) {
  await client.query(
    "INSERT INTO agent_tokens (agent_id, kind, token_hash, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')",
    [agentId, kind, sha256(token), ttlMs],
  );
}

async function findToken(kind, token) {
  return one(
    "SELECT id, agent_id FROM agent_tokens WHERE kind = $1 AND token_hash = $2 AND revoked_at IS NULL AND expires_at > now()",
    [kind, sha256(token ?? "")],
  );
}

async function bearer(req, res, next) {
  const header = req.get("authorization") ?? "";
  const row = header.startsWith("Bearer ") ? await findToken("access", header.slice(7)) : null;
  if (!row) return res.status(401).json({ error: "invalid_token" });
  req.agentId = row.agent_id;
  return next();
}

// App 3.x: refresh keeps the same refresh token for its whole lifetime.
router.post("/v3/token/refresh", async (req, res) => {
  const stored = await findToken("refresh", req.body.refresh_token);
  if (!stored) return res.status(401).json({ error: "invalid_grant" });
  const accessToken = randomToken();
  await storeToken(stored.agent_id, "access", accessToken, ACCESS_MS);
  return res.json({ access_token: accessToken, refresh_token: req.body.refresh_token, expires_in: ACCESS_MS / 1000 });
});

// App 4.x
router.post("/v4/token/refresh", async (req, res) => {
  const stored = await findToken("refresh", req.body.refresh_token);
  if (!stored) return res.status(401).json({ error: "invalid_grant" });
  await pool.query("DELETE FROM agent_tokens WHERE agent_id = $1 AND kind = 'refresh' AND expires_at < now()", [stored.agent_id]);
  const accessToken = randomToken();
  const refreshToken = randomToken();
  await storeToken(stored.agent_id, "access", accessToken, ACCESS_MS);
  await storeToken(stored.agent_id, "refresh", refreshToken, REFRESH_MS);
  return res.json({ access_token: accessToken, refresh_token: refreshToken, expires_in: ACCESS_MS / 1000 });
});

// App 5.x
router.post("/v5/token/refresh", async (req, res) => {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      "UPDATE agent_tokens SET revoked_at = now() WHERE kind = 'refresh' AND token_hash = $1 AND revoked_at IS NULL AND expires_at > now() RETURNING agent_id",
      [sha256(req.body.refresh_token ?? "")],
    );
    if (rows.length !== 1) {
      await client.query("ROLLBACK");
      return res.status(401).json({ error: "invalid_grant" });
    }
    const nextAccess = randomToken();
    const nextRefresh = randomToken();
    await storeToken(rows[0].agent_id, "access", nextAccess, ACCESS_MS, client);
    await storeToken(rows[0].agent_id, "refresh", nextRefresh, REFRESH_MS, client);
    await client.query("COMMIT");
    return res.json({ access_token: nextAccess, refresh_token: nextRefresh, expires_in: ACCESS_MS / 1000 });
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  } finally {
    client.release();
  }
});

router.post("/logout", bearer, async (req, res) => {
  await pool.query("UPDATE agent_tokens SET revoked_at = now() WHERE agent_id = $1 AND revoked_at IS NULL", [req.agentId]);
  res.status(204).end();
});

router.get("/queue", bearer, async (req, res) => {
  res.json(await many("SELECT id, subject, priority FROM tickets WHERE assignee_id = $1 AND status = 'open'", [req.agentId]));
});

export default router;
