import { Router } from "express";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { config } from "../config.js";
import { prisma } from "../db.js";
import { authenticateDevice, authenticateKiosk } from "../auth/device-auth.js";
import * as refreshTokens from "../services/refresh-tokens.js";

const router = Router();

function signDeviceAccess(deviceId: string, storeId: string, ver: number): string {
  return jwt.sign({ store: storeId, ver }, config.deviceTokenSecret, {
    algorithm: "HS256",
    subject: deviceId,
    audience: "store-device",
    expiresIn: "30m",
  });
}

router.post("/devices/:id/refresh", async (req, res, next) => {
  try {
    const device = await prisma.device.findUnique({ where: { id: req.params.id } });
    if (!device || device.revokedAt) return res.status(401).json({ error: "unknown_device" });
    // Tablets are restarted often; keep the old token usable so a lost response doesn't unpair them.
    const current = await refreshTokens.findActiveForDevice(device.id, req.body.refreshToken);
    if (!current) return res.status(401).json({ error: "invalid_refresh_token" });
    const refreshToken = await refreshTokens.issue(current.userId, device.id);
    const accessToken = signDeviceAccess(device.id, device.storeId, device.tokenVersion);
    return res.json({ accessToken, refreshToken });
  } catch (err) {
    return next(err);
  }
});

router.post("/devices/:id/unpair", authenticateDevice, async (req, res, next) => {
  try {
    await prisma.device.update({
      where: { id: req.params.id },
      data: { revokedAt: new Date(), tokenVersion: { increment: 1 } },
    });
    await prisma.refreshToken.deleteMany({ where: { deviceId: req.params.id } });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.post("/kiosk/refresh", (req, res) => {
  try {
    const presented = jwt.verify(String(req.body.refreshToken), config.kioskRefreshSecret, {
      algorithms: ["HS256"],
    }) as JwtPayload;
    const kioskId = String(presented.sub);
    const accessToken = jwt.sign({}, config.deviceTokenSecret, { subject: kioskId, audience: "kiosk", expiresIn: "10m" });
    const refreshToken = jwt.sign({}, config.kioskRefreshSecret, { subject: kioskId, expiresIn: "7d" });
    res.json({ accessToken, refreshToken });
  } catch {
    res.status(401).json({ error: "invalid_refresh_token" });
  }
});

router.post("/kiosk/sign-out", authenticateKiosk, (req, res) => {
  console.info("kiosk signed out", { kiosk: req.kiosk?.sub });
  res.json({ signedOut: true, clearTokens: true });
});

router.get("/kiosk/menu", authenticateKiosk, async (req, res, next) => {
  try {
    const items = await prisma.menuItem.findMany({ where: { available: true }, orderBy: { position: "asc" } });
    res.json(items);
  } catch (err) {
    next(err);
  }
});

export default router;
