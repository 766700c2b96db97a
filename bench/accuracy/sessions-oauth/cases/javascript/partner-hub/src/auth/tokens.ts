import crypto from "node:crypto";
import jwt from "jsonwebtoken";
import { expressjwt } from "express-jwt";
import type { CookieOptions, Request } from "express";
import { db } from "../services/db";

const secret = process.env.PARTNER_JWT_SECRET as string;
const adminSecret = process.env.PARTNER_ADMIN_JWT_SECRET as string;

export const REFRESH_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Browser sessions: the JWT travels in the partner_jwt cookie. */
export const requirePartner = expressjwt({
  secret,
  algorithms: ["HS256"],
  getToken: (req: Request) => req.cookies?.partner_jwt,
});

export const refreshCookieBase: CookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: "strict",
  maxAge: REFRESH_TTL_MS,
};

export function signPartnerJwt(partner: { id: string; orgId: string; role: string }): string {
  return jwt.sign({ org: partner.orgId, role: partner.role }, secret, {
    algorithm: "HS256",
    subject: partner.id,
    expiresIn: "30m",
  });
}

export function signAdminJwt(adminId: string): string {
  return jwt.sign({ scope: "admin" }, adminSecret, { algorithm: "HS256", subject: adminId, expiresIn: "15m" });
}

export function verifyAdminRefresh(token: string): jwt.JwtPayload {
  return jwt.verify(token, adminSecret, { algorithms: ["HS256"], audience: "admin-refresh" }) as jwt.JwtPayload;
}

export function signAdminRefresh(adminId: string): string {
  return jwt.sign({}, adminSecret, { algorithm: "HS256", subject: adminId, audience: "admin-refresh", expiresIn: "7d" });
}

export const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

export async function createRefreshToken(partnerId: string): Promise<string> {
  const token = crypto.randomBytes(48).toString("base64url");
  await db("refresh_tokens").insert({
    token_hash: sha256(token),
    partner_id: partnerId,
    expires_at: new Date(Date.now() + REFRESH_TTL_MS),
  });
  return token;
}

export async function findRefreshToken(token: unknown) {
  if (typeof token !== "string" || token.length === 0) return undefined;
  return db("refresh_tokens")
    .where({ token_hash: sha256(token) })
    .andWhere("expires_at", ">", new Date())
    .first();
}
