import crypto from "node:crypto";
import { Router } from "express";
import bcrypt from "bcryptjs";
import { z } from "zod";
import type { Request as JWTRequest } from "express-jwt";
import { prisma } from "../db.js";
import { requireAuth, signAccessToken } from "../auth/jwt.js";
import { denyJti } from "../services/denylist.js";
import * as refreshTokens from "../services/refresh-tokens.js";

const router = Router();

const credentials = z.object({
  email: z.string().email().transform((v) => v.toLowerCase()),
  password: z.string().min(1).max(200),
  deviceId: z.string().uuid().optional(),
});

router.post("/login", async (req, res, next) => {
  try {
    const body = credentials.parse(req.body);
    const user = await prisma.user.findUnique({ where: { email: body.email } });
    if (!user || !(await bcrypt.compare(body.password, user.passwordHash))) {
      return res.status(401).json({ error: "invalid_credentials" });
    }
    const { token: accessToken } = signAccessToken(user);
    const refreshToken = await refreshTokens.issue(user.id, body.deviceId);
    return res.json({ accessToken, refreshToken, expiresIn: 900 });
  } catch (err) {
    return next(err);
  }
});

router.post("/refresh", async (req, res, next) => {
  try {
    const { userId, refreshToken } = await refreshTokens.rotate(String(req.body.refreshToken ?? ""));
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    const { token: accessToken } = signAccessToken(user);
    return res.json({ accessToken, refreshToken, expiresIn: 900 });
  } catch (err) {
    return next(err);
  }
});

/** Web widget: trades the refresh token for a short access token only. */
router.post("/access-token", async (req, res, next) => {
  try {
    const record = await prisma.refreshToken.findFirst({
      where: { tokenHash: refreshTokenDigest(req.body.refreshToken), revokedAt: null, usedAt: null },
    });
    if (!record) return res.status(401).json({ error: "invalid_refresh_token" });
    const user = await prisma.user.findUniqueOrThrow({ where: { id: record.userId } });
    const { token } = signAccessToken(user);
    return res.json({ accessToken: token, expiresIn: 900 });
  } catch (err) {
    return next(err);
  }
});

router.post("/logout", requireAuth, async (req: JWTRequest, res, next) => {
  try {
    await denyJti(String(req.auth?.jti), Number(req.auth?.exp));
    if (typeof req.body.refreshToken === "string") {
      await refreshTokens.revokeFamilyOf(req.body.refreshToken);
    }
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.post("/logout-all", requireAuth, async (req: JWTRequest, res, next) => {
  try {
    await prisma.user.update({ where: { id: String(req.auth?.sub) }, data: { tokenVersion: { increment: 1 } } });
    await refreshTokens.revokeAllForUser(String(req.auth?.sub));
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.post("/password", requireAuth, async (req: JWTRequest, res, next) => {
  try {
    const userId = String(req.auth?.sub);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
    if (!(await bcrypt.compare(String(req.body.currentPassword), user.passwordHash))) {
      return res.status(400).json({ error: "wrong_password" });
    }
    const passwordHash = await bcrypt.hash(String(req.body.newPassword), 12);
    await prisma.user.update({ where: { id: userId }, data: { passwordHash, tokenVersion: { increment: 1 } } });
    await refreshTokens.revokeAllForUser(userId);
    return res.sendStatus(204);
  } catch (err) {
    return next(err);
  }
});

function refreshTokenDigest(value: unknown): string {
  return crypto.createHash("sha256").update(String(value ?? "")).digest("hex");
}

export default router;
