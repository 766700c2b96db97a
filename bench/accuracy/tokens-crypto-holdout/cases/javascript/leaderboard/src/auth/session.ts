// Player authentication: tokens from the Arcade Rally login service (RS256, JWKS),
// tournament tokens minted by the organiser tool (HS256).
import * as jose from "jose";
import type { NextFunction, Request, Response } from "express";
import { settings, verifyDefaults } from "../settings";
import { logger } from "../logger";

const JWKS = jose.createRemoteJWKSet(new URL(settings.jwksUrl));

export interface Player {
  id: string;
  name: string;
  roles: string[];
}

function bearer(req: Request): string {
  const header = req.header("authorization") ?? "";
  return header.startsWith("Bearer ") ? header.slice(7) : "";
}

export async function verifyPlayerToken(token: string): Promise<Player> {
  const { payload } = await jose.jwtVerify(token, JWKS, { ...verifyDefaults, algorithms: ["RS256"] });
  return { id: String(payload.sub), name: String(payload.name ?? ""), roles: (payload.roles as string[]) ?? [] };
}

export async function requirePlayer(req: Request, res: Response, next: NextFunction) {
  try {
    res.locals.player = await verifyPlayerToken(bearer(req));
    return next();
  } catch (err) {
    logger.info("player token rejected", { reason: (err as Error).message });
    return res.status(401).json({ error: "unauthenticated" });
  }
}

// Tournament organisers sign with a shared secret; the key id tells us which event.
export async function verifyTournamentToken(token: string) {
  const { kid } = jose.decodeProtectedHeader(token);
  if (!kid) throw new Error("tournament token without kid");
  const secret = await tournamentKey(kid);
  const { payload } = await jose.jwtVerify(token, secret, { algorithms: ["HS256"] });
  return payload;
}

export async function verifySpectatorToken(token: string) {
  const { payload } = await jose.jwtVerify(token, JWKS, { algorithms: ["RS256"], issuer: settings.issuer, clockTolerance: 30 });
  return payload;
}

// Streaming overlay: the broadcaster's token only needs to say who is streaming.
export function overlayStreamer(req: Request): string {
  const claims = jose.decodeJwt(bearer(req));
  return String(claims.sub);
}

async function tournamentKey(kid: string): Promise<Uint8Array> {
  const derived = await crypto.subtle.importKey("raw", settings.tournamentSecret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const bytes = await crypto.subtle.sign("HMAC", derived, new TextEncoder().encode(kid));
  return new Uint8Array(bytes);
}
