import { Router } from "express";
import bcrypt from "bcryptjs";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { randomUUID, createHash } from "node:crypto";
import { Op } from "sequelize";
import { User, RefreshToken, PasswordReset } from "../models";
import { requireBearer } from "../auth/guard";
import { denyJti } from "../auth/revocation";

const router = Router();
const SECRET = process.env.JWT_SECRET as string;
const REFRESH_DAYS = 7;

function accessTokenFor(user: User): string {
  return jwt.sign({ sub: user.id, role: user.role, ver: user.tokenVersion }, SECRET, {
    expiresIn: "15m",
    audience: "tidelog-mobile",
    jwtid: randomUUID(),
  });
}

async function issueRefreshToken(user: User, familyId: string = randomUUID()): Promise<string> {
  const jti = randomUUID();
  await RefreshToken.create({ jti, familyId, userId: user.id, expiresAt: new Date(Date.now() + REFRESH_DAYS * 86_400_000) });
  return jwt.sign({ sub: user.id, typ: "refresh", fam: familyId }, SECRET, { jwtid: jti, expiresIn: `${REFRESH_DAYS}d` });
}

function readRefresh(token: unknown): JwtPayload | null {
  try {
    const claims = jwt.verify(String(token), SECRET) as JwtPayload;
    return claims.typ === "refresh" ? claims : null;
  } catch {
    return null;
  }
}

router.post("/login", async (req, res) => {
  const user = await User.findOne({ where: { email: String(req.body.email ?? "").toLowerCase() } });
  if (!user || !(await bcrypt.compare(String(req.body.password ?? ""), user.passwordHash))) {
    return res.status(401).json({ error: "wrong email or password" });
  }
  const refreshToken = await issueRefreshToken(user);
  return res.json({ accessToken: accessTokenFor(user), refreshToken, expiresIn: 900 });
});

router.post("/v2/refresh", async (req, res) => {
  const claims = readRefresh(req.body.refreshToken);
  if (!claims) return res.status(401).json({ error: "invalid refresh token" });
  const stored = await RefreshToken.findOne({ where: { jti: claims.jti } });
  if (!stored || stored.usedAt) {
    // Reuse of a rotated token: revoke the whole family.
    await RefreshToken.destroy({ where: { familyId: claims.fam } });
    return res.status(401).json({ error: "refresh token reuse detected" });
  }
  await stored.update({ usedAt: new Date() });
  const user = await User.findByPk(claims.sub);
  if (!user) return res.status(401).json({ error: "account closed" });
  const next = await issueRefreshToken(user, stored.familyId);
  return res.json({ accessToken: accessTokenFor(user), refreshToken: next, expiresIn: 900 });
});

// Kept for app versions < 3.0, which cannot store a new refresh token.
router.post("/refresh", async (req, res) => {
  const claims = readRefresh(req.body.refreshToken);
  const user = claims && (await User.findByPk(claims.sub));
  if (!user) return res.status(401).json({ error: "invalid refresh token" });
  return res.json({ accessToken: accessTokenFor(user), refreshToken: req.body.refreshToken, expiresIn: 900 });
});

// Smartwatch companion: gets a fresh pair whenever it wakes up.
router.post("/device/refresh", async (req, res) => {
  const claims = readRefresh(req.body.refreshToken);
  const stored = claims && (await RefreshToken.findOne({ where: { jti: claims.jti, expiresAt: { [Op.gt]: new Date() } } }));
  const user = stored && (await User.findByPk(stored.userId));
  if (!user) return res.status(401).json({ error: "invalid refresh token" });
  const deviceRefresh = await issueRefreshToken(user, stored.familyId);
  return res.json({ accessToken: accessTokenFor(user), refreshToken: deviceRefresh });
});

router.post("/logout", requireBearer, async (req, res) => {
  const auth = (req as unknown as { auth: JwtPayload }).auth;
  await denyJti(String(auth.jti), auth.exp);
  await RefreshToken.destroy({ where: { userId: auth.sub, familyId: String(req.body.family ?? "") } });
  return res.status(204).end();
});

router.post("/password", requireBearer, async (req, res) => {
  const auth = (req as unknown as { auth: JwtPayload }).auth;
  const user = await User.findByPk(auth.sub);
  if (!user || !(await bcrypt.compare(String(req.body.currentPassword ?? ""), user.passwordHash))) {
    return res.status(403).json({ error: "current password is wrong" });
  }
  await user.update({ passwordHash: await bcrypt.hash(String(req.body.newPassword), 12), tokenVersion: user.tokenVersion + 1 });
  await RefreshToken.destroy({ where: { userId: user.id } });
  return res.json({ accessToken: accessTokenFor(user), refreshToken: await issueRefreshToken(user) });
});

router.post("/password/reset", async (req, res) => {
  const digest = createHash("sha256").update(String(req.body.token ?? "")).digest("hex");
  const reset = await PasswordReset.findOne({ where: { tokenHash: digest, expiresAt: { [Op.gt]: new Date() } } });
  if (!reset) return res.status(400).json({ error: "reset link expired" });
  const user = await User.findByPk(reset.userId);
  if (!user) return res.status(400).json({ error: "reset link expired" });
  await User.update({ passwordHash: await bcrypt.hash(String(req.body.newPassword), 12) }, { where: { id: user.id } });
  await reset.destroy();
  return res.status(204).end();
});

export default router;
