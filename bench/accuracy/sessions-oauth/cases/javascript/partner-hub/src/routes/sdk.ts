import crypto from "node:crypto";
import { Router } from "express";
import jwt from "jsonwebtoken";
import { db } from "../services/db";
import { createRefreshToken, findRefreshToken, sha256 } from "../auth/tokens";

/**
 * Token endpoint for the partner SDK (server-to-server, JSON bodies, no cookies).
 */
const router = Router();
const sdkSecret = process.env.PARTNER_SDK_SECRET as string;

function sdkAccessToken(clientId: string, partnerId: string): string {
  return jwt.sign({ cid: clientId }, sdkSecret, { algorithm: "HS256", subject: partnerId, expiresIn: "1h" });
}

router.post("/token", async (req, res) => {
  const client = await db("sdk_clients").where({ client_id: String(req.body.client_id) }).first();
  const presented = Buffer.from(sha256(String(req.body.client_secret ?? "")));
  if (!client || !crypto.timingSafeEqual(presented, Buffer.from(client.secret_hash))) {
    return res.status(401).json({ error: "invalid_client" });
  }
  const refreshToken = await createRefreshToken(client.partner_id);
  return res.json({
    access_token: sdkAccessToken(client.client_id, client.partner_id),
    refresh_token: refreshToken,
    token_type: "Bearer",
    expires_in: 3600,
  });
});

// SDK 1.x
router.post("/token/refresh", async (req, res) => {
  const row = await findRefreshToken(req.body.refresh_token);
  if (!row) return res.status(400).json({ error: "invalid_grant" });
  const client = await db("sdk_clients").where({ partner_id: row.partner_id }).first();
  return res.json({
    access_token: sdkAccessToken(client.client_id, row.partner_id),
    refresh_token: req.body.refresh_token,
    token_type: "Bearer",
    expires_in: 3600,
  });
});

// SDK 2.x
router.post("/v2/token/refresh", async (req, res) => {
  const row = await findRefreshToken(req.body.refresh_token);
  if (!row) return res.status(400).json({ error: "invalid_grant" });
  const deleted = await db("refresh_tokens").where({ token_hash: row.token_hash }).del();
  if (deleted !== 1) return res.status(400).json({ error: "invalid_grant" });
  const client = await db("sdk_clients").where({ partner_id: row.partner_id }).first();
  const nextRefresh = await createRefreshToken(row.partner_id);
  return res.json({
    access_token: sdkAccessToken(client.client_id, row.partner_id),
    refresh_token: nextRefresh,
    token_type: "Bearer",
    expires_in: 3600,
  });
});

export default router;
