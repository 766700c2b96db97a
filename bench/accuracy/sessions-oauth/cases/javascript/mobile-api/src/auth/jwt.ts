import crypto from "node:crypto";
import { expressjwt } from "express-jwt";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { config } from "../config.js";
import { prisma } from "../db.js";
import { isDenied } from "../services/denylist.js";

export const requireAuth = expressjwt({
  secret: config.accessTokenSecret,
  algorithms: ["HS256"],
  audience: "mobile-api",
  issuer: config.issuer,
  isRevoked: async (_req, token) => {
    const payload = token?.payload as JwtPayload | undefined;
    if (!payload?.jti || !payload.sub || (await isDenied(payload.jti))) {
      return true;
    }
    const user = await prisma.user.findUnique({ where: { id: payload.sub }, select: { tokenVersion: true } });
    return !user || user.tokenVersion !== payload.ver;
  },
});

/** App versions before 5.0 still send tokens signed with the legacy key. */
export const requireAuthV1 = expressjwt({
  secret: config.legacyTokenSecret,
  algorithms: ["HS256"],
  requestProperty: "auth",
});

export function signAccessToken(user: { id: string; tokenVersion: number }): { token: string; jti: string } {
  const jti = crypto.randomUUID();
  const token = jwt.sign({ ver: user.tokenVersion }, config.accessTokenSecret, {
    algorithm: "HS256",
    subject: user.id,
    audience: "mobile-api",
    issuer: config.issuer,
    expiresIn: config.accessTokenTtlSeconds,
    jwtid: jti,
  });
  return { token, jti };
}

export function signLegacyToken(userId: string): string {
  return jwt.sign({ uid: userId }, config.legacyTokenSecret, { algorithm: "HS256", expiresIn: "1h" });
}
