import { Router } from "express";
import bcrypt from "bcryptjs";
import type { Request as JWTRequest } from "express-jwt";
import { prisma } from "../db.js";
import { requireAuthV1, signLegacyToken } from "../auth/jwt.js";
import * as refreshTokens from "../services/refresh-tokens.js";

/**
 * Frozen API for app versions < 5.0. Do not add features here; it is removed
 * once the forced-update screen has been live for two releases.
 */
const router = Router();

router.post("/login", async (req, res, next) => {
  try {
    const email = String(req.body.email ?? "").toLowerCase();
    const user = await prisma.user.findUnique({ where: { email } });
    if (!user || !(await bcrypt.compare(String(req.body.password ?? ""), user.passwordHash))) {
      return res.status(401).json({ error: "invalid_credentials" });
    }
    const accessToken = signLegacyToken(user.id);
    const refreshToken = await refreshTokens.createLegacy(user.id);
    return res.json({ accessToken, refreshToken });
  } catch (err) {
    return next(err);
  }
});

router.post("/refresh", async (req, res, next) => {
  try {
    const record = await refreshTokens.findLegacy(req.body.refreshToken);
    if (!record) {
      return res.status(401).json({ error: "invalid_refresh_token" });
    }
    const accessToken = signLegacyToken(record.userId);
    return res.json({ accessToken, refreshToken: req.body.refreshToken });
  } catch (err) {
    return next(err);
  }
});

// Tablet app 4.x asks for a new refresh token on every launch.
router.post("/refresh/renew", async (req, res, next) => {
  try {
    const record = await refreshTokens.findLegacy(req.body.refreshToken);
    if (!record) {
      return res.status(401).json({ error: "invalid_refresh_token" });
    }
    const renewed = await refreshTokens.createLegacy(record.userId);
    return res.json({ accessToken: signLegacyToken(record.userId), refreshToken: renewed });
  } catch (err) {
    return next(err);
  }
});

router.post("/logout", requireAuthV1, (_req, res) => {
  // The app deletes both tokens from the keychain when it gets a 204.
  return res.status(204).end();
});

router.post("/password", requireAuthV1, async (req: JWTRequest, res, next) => {
  try {
    const userId = String(req.auth?.uid);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await bcrypt.compare(String(req.body.currentPassword), user.passwordHash))) {
      return res.status(400).json({ error: "wrong_password" });
    }
    const passwordHash = await bcrypt.hash(String(req.body.newPassword), 12);
    await prisma.user.update({ where: { id: userId }, data: { passwordHash } });
    return res.sendStatus(204);
  } catch (err) {
    return next(err);
  }
});

export default router;
