import type { NextFunction, Request, Response } from "express";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { config } from "../config.js";
import { prisma } from "../db.js";

export interface DeviceClaims extends JwtPayload {
  sub: string;
  store: string;
  ver: number;
}

declare module "express-serve-static-core" {
  interface Request {
    device?: DeviceClaims;
    kiosk?: JwtPayload;
  }
}

function bearer(req: Request): string | null {
  const header = req.get("authorization");
  return header?.startsWith("Bearer ") ? header.slice(7) : null;
}

/** Store tablets: tokens carry the device's token version. */
export async function authenticateDevice(req: Request, res: Response, next: NextFunction) {
  const token = bearer(req);
  if (!token) return res.status(401).json({ error: "missing_token" });
  try {
    const claims = jwt.verify(token, config.deviceTokenSecret, {
      algorithms: ["HS256"],
      audience: "store-device",
    }) as DeviceClaims;
    const device = await prisma.device.findUnique({ where: { id: claims.sub } });
    if (!device || device.revokedAt || device.tokenVersion !== claims.ver) {
      return res.status(401).json({ error: "device_token_revoked" });
    }
    req.device = claims;
    return next();
  } catch {
    return res.status(401).json({ error: "invalid_token" });
  }
}

/** Self-service kiosks in the stores' waiting areas. */
export function authenticateKiosk(req: Request, res: Response, next: NextFunction) {
  const token = bearer(req);
  if (!token) return res.status(401).json({ error: "missing_token" });
  try {
    const claims = jwt.verify(token, config.deviceTokenSecret, { algorithms: ["HS256"], audience: "kiosk" });
    req.kiosk = claims as JwtPayload;
    return next();
  } catch {
    return res.status(401).json({ error: "invalid_token" });
  }
}
