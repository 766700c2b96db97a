import { Router } from "express";
import { expressjwt, type Request as JWTRequest } from "express-jwt";
import jwt from "jsonwebtoken";
import { randomUUID } from "node:crypto";
import { prisma } from "../db.js";
import { tokenCookie, widgetCookieBase } from "../cookies.js";

/**
 * The seed-catalogue widget is embedded on partner garden-club sites. It talks
 * to these endpoints with short-lived JWTs instead of the main web session.
 */
const router = Router();
const WIDGET_SECRET = process.env.WIDGET_JWT_SECRET!;
const ACCESS_TTL = "15m";

const requireWidgetToken = expressjwt({
  secret: WIDGET_SECRET,
  algorithms: ["HS256"],
  getToken: (req) => req.cookies?.widget_token ?? req.headers.authorization?.replace(/^Bearer /, ""),
});

function signAccess(memberId: string) {
  return jwt.sign({ sub: memberId, scope: "widget" }, WIDGET_SECRET, { expiresIn: ACCESS_TTL, jwtid: randomUUID() });
}

function signRefresh(memberId: string) {
  return jwt.sign({ sub: memberId, typ: "refresh" }, WIDGET_SECRET, { expiresIn: "7d", jwtid: randomUUID() });
}

router.post("/session", async (req, res) => {
  if (!req.user) return res.status(401).json({ error: "sign in on seedswap first" });
  const memberId = (req.user as { id: string }).id;
  const access = signAccess(memberId);
  res.cookie("widget_token", access, { ...widgetCookieBase, httpOnly: false });
  res.cookie("refresh_token", signRefresh(memberId), { httpOnly: true, secure: true, sameSite: "none", path: "/widget-api/token" });
  return res.json({ expiresIn: 900 });
});

router.post("/token/refresh", (req, res) => {
  try {
    const claims = jwt.verify(req.cookies.refresh_token, WIDGET_SECRET) as jwt.JwtPayload;
    if (claims.typ !== "refresh") return res.status(401).json({ error: "wrong token type" });
    res.cookie("access_token", signAccess(String(claims.sub)), tokenCookie());
    return res.json({ refreshed: true, expiresIn: 900 });
  } catch {
    return res.status(401).json({ error: "refresh expired" });
  }
});

// The companion phone app keeps tokens in secure storage and sends them in the body.
router.post("/mobile/refresh", (req, res) => {
  try {
    const claims = jwt.verify(String(req.body.refreshToken), WIDGET_SECRET) as jwt.JwtPayload;
    if (claims.typ !== "refresh") return res.status(401).json({ error: "wrong token type" });
    const accessToken = signAccess(String(claims.sub));
    return res.json({ accessToken, refreshToken: req.body.refreshToken, expiresIn: 900 });
  } catch {
    return res.status(401).json({ error: "refresh expired" });
  }
});

// Companion app >= 2.4 receives a new refresh token on every refresh.
router.post("/mobile/v2/refresh", (req, res) => {
  try {
    const claims = jwt.verify(String(req.body.refreshToken), WIDGET_SECRET) as jwt.JwtPayload;
    if (claims.typ !== "refresh") return res.status(401).json({ error: "wrong token type" });
    const nextRefresh = signRefresh(String(claims.sub));
    return res.json({ accessToken: signAccess(String(claims.sub)), refreshToken: nextRefresh, expiresIn: 900 });
  } catch {
    return res.status(401).json({ error: "refresh expired" });
  }
});

router.get("/wishlist", requireWidgetToken, async (req: JWTRequest, res) => {
  const items = await prisma.wishlistItem.findMany({ where: { memberId: String(req.auth?.sub) }, take: 100 });
  res.json(items);
});

router.post("/wishlist", requireWidgetToken, async (req: JWTRequest, res) => {
  const item = await prisma.wishlistItem.create({ data: { memberId: String(req.auth?.sub), varietyId: String(req.body.varietyId) } });
  res.status(201).json(item);
});

router.post("/logout", (_req, res) => {
  res.clearCookie("widget_token", { path: "/widget-api" }).clearCookie("refresh_token", { path: "/widget-api/token" });
  res.status(204).end();
});

export default router;
