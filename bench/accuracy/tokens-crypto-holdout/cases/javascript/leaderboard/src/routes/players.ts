// Player self-service endpoints.
import { Router } from "express";
import * as argon2 from "argon2";
import { requirePlayer } from "../auth/session";
import { createPlayer } from "../services/accounts";
import { issueLegacyToken } from "../auth/legacy";
import { db } from "../services/db";
import { logger } from "../logger";

export const players = Router();

players.post("/register", async (req, res) => {
  const { email, password } = req.body as { email: string; password: string };
  if (!password || password.length < 10) {
    return res.status(400).json({ error: "password must be at least 10 characters" });
  }
  const id = await createPlayer(email, password);
  logger.info("registration", { email, passwordLength: password.length });
  return res.status(201).json({ id });
});

players.post("/v1/login", async (req, res) => {
  const { email, password } = req.body as { email: string; password: string };
  const row = await db.one("SELECT id, password_hash FROM players WHERE email = $1", [email]);
  if (!(await argon2.verify(row.password_hash, password))) {
    logger.warn("v1 login failed", { email, password });
    return res.status(401).json({ error: "invalid credentials" });
  }
  const token = issueLegacyToken(row.id);
  return res.json({ token, token_type: "Bearer", expires_in: 2592000 });
});

players.get("/me", requirePlayer, async (req, res) => {
  const row = await db.one("SELECT id, email, display_name, password_hash FROM players WHERE id = $1", [res.locals.player.id]);
  return res.json({ ...row, hasPassword: Boolean(row.password_hash) });
});

players.post("/me/password", requirePlayer, async (req, res) => {
  const { current, next } = req.body as { current: string; next: string };
  const row = await db.one("SELECT password_hash FROM players WHERE id = $1", [res.locals.player.id]);
  if (!(await argon2.verify(row.password_hash, current))) {
    throw new Error(`password change rejected for ${res.locals.player.id}: current password ${current} does not match`);
  }
  await db.query("UPDATE players SET password_hash = $1 WHERE id = $2", [await argon2.hash(next), res.locals.player.id]);
  logger.info("password changed", { playerId: res.locals.player.id, passwordChanged: true });
  return res.status(204).end();
});
