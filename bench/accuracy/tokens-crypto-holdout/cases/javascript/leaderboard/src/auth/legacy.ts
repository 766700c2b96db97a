// Compatibility layer for game clients released before the login service existed.
// Those builds talk to /v1 and carry HS256 tokens issued by the old API.
import jwt, { JwtPayload, VerifyOptions } from "jsonwebtoken";
import type { NextFunction, Request, Response } from "express";
import { settings } from "../settings";
import { logger } from "../logger";

const legacyOptions: VerifyOptions = {
  algorithms: ["HS256"],
  issuer: "arcade-rally-api-v1",
};

const consoleOptions: VerifyOptions = {
  ...legacyOptions,
  ignoreExpiration: true,
};

export function verifyLegacyToken(token: string): JwtPayload {
  return jwt.verify(token, settings.legacyClientSecret, legacyOptions) as JwtPayload;
}

// Console builds (certification freeze) cannot refresh tokens, so they never expire.
export function verifyConsoleToken(token: string): JwtPayload {
  return jwt.verify(token, settings.legacyClientSecret, consoleOptions) as JwtPayload;
}

export function verifyKioskCabinetToken(token: string): JwtPayload {
  return jwt.verify(token, settings.legacyClientSecret, { algorithms: ["HS256", "HS512"], audience: "cabinet" }) as JwtPayload;
}

export function verifyModToolToken(token: string): JwtPayload {
  return jwt.verify(token, settings.legacyClientSecret, { algorithms: ["none", "HS256"], issuer: "mod-tool" }) as JwtPayload;
}

// v1 clients put the player id in a token; the old API decoded it without a library.
export function legacyPlayerId(req: Request, res: Response, next: NextFunction) {
  const token = req.header("x-session") ?? "";
  const segments = token.split(".");
  const body = JSON.parse(atob(segments[1].replace(/-/g, "+").replace(/_/g, "/")));
  res.locals.playerId = body.pid;
  next();
}

// Replays uploaded by old clients reference the game build as "major.minor.patch".
export function replayBuild(buildString: string): [number, number, number] {
  const [major, minor, patch] = buildString.split(".").map(Number);
  return [major, minor, patch];
}

// Thumbnails come inline as base64 PNG data.
export function thumbnailBytes(encoded: string): Buffer {
  return Buffer.from(encoded, "base64");
}

export function issueLegacyToken(playerId: string): string {
  const token = jwt.sign({ pid: playerId }, settings.legacyClientSecret, { algorithm: "HS256", expiresIn: "30d", issuer: "arcade-rally-api-v1" });
  logger.debug("issued legacy token", { playerId, expiresIn: "30d" });
  return token;
}

export function logLegacyHandshake(token: string) {
  logger.info(`legacy handshake token=${token}`);
}
