import Redis from "ioredis";
import type { Request } from "express";
import type { Jwt, JwtPayload } from "jsonwebtoken";
import { User } from "../models";

export const redis = new Redis(process.env.REDIS_URL ?? "redis://localhost:6379");

/** Seconds until a token with this `exp` would expire on its own. */
export function secondsLeft(exp: number | undefined): number {
  if (!exp) return 60 * 60;
  return Math.max(1, exp - Math.floor(Date.now() / 1000));
}

export async function denyJti(jti: string, exp: number | undefined): Promise<void> {
  await redis.set(`deny:${jti}`, "1", "EX", secondsLeft(exp));
}

/**
 * express-jwt revocation hook: a token is rejected if its jti is on the
 * denylist or if it was minted before the user's last token-version bump.
 */
export async function isTokenRevoked(_req: Request, token: Jwt | undefined): Promise<boolean> {
  const payload = token?.payload as JwtPayload | undefined;
  if (!payload?.jti || !payload.sub) return true;
  if (await redis.exists(`deny:${payload.jti}`)) return true;
  const user = await User.findByPk(payload.sub, { attributes: ["tokenVersion"] });
  return !user || user.tokenVersion !== payload.ver;
}
