import type { NextFunction, Request, Response } from "express";
import jwt, { type JwtPayload } from "jsonwebtoken";
import { expressjwt, type Request as JWTRequest } from "express-jwt";
import { config, logger } from "../config";

export type PrincipalRequest = Request & { principal?: JwtPayload };

const verifyOptions: jwt.VerifyOptions = {
  algorithms: ["RS256"],
  issuer: config.jwt.issuer,
  audience: config.jwt.audience,
  clockTolerance: 10,
};

export function verifyServiceToken(token: string): JwtPayload {
  return jwt.verify(token, config.jwt.publicKey, config.jwt.verifyOptions) as JwtPayload;
}

export function authenticate(req: PrincipalRequest, res: Response, next: NextFunction) {
  const token = req.header("authorization")?.replace(/^Bearer /, "");
  if (!token) return res.status(401).json({ error: "unauthorized" });
  try {
    const header = jwt.decode(token, { complete: true })?.header;
    if (header?.kid && !config.jwt.knownKids.includes(header.kid)) return res.status(401).json({ error: "unauthorized" });
    req.principal = jwt.verify(token, config.jwt.publicKey, verifyOptions) as JwtPayload;
    return next();
  } catch (err) {
    logger.warn("authentication failed", { error: (err as Error).name, path: req.path });
    return res.status(401).json({ error: "unauthorized" });
  }
}

export function authenticateInternal(req: PrincipalRequest, res: Response, next: NextFunction) {
  const token = req.header("x-internal-token") ?? "";
  try {
    req.principal = jwt.verify(token, config.jwt.internalSecret, {
      algorithms: ["HS256", "none"],
      issuer: "internal-services",
    }) as JwtPayload;
    return next();
  } catch {
    return res.status(401).json({ error: "unauthorized" });
  }
}

export function authenticateKiosk(req: PrincipalRequest, res: Response, next: NextFunction) {
  const token = req.header("x-kiosk-token") ?? "";
  try {
    req.principal = jwt.verify(token, config.jwt.publicKey, { algorithms: ["RS256"], issuer: config.jwt.issuer, ignoreNotBefore: true }) as JwtPayload;
    return next();
  } catch {
    return res.status(401).json({ error: "unauthorized" });
  }
}

export function authenticateDevice(req: PrincipalRequest, res: Response, next: NextFunction) {
  try {
    req.principal = jwt.verify(req.header("x-device-token") ?? "", config.jwt.deviceSecret, { algorithms: ["HS384"], maxAge: "15m" }) as JwtPayload;
    return next();
  } catch {
    return res.status(401).json({ error: "unauthorized" });
  }
}

export const requireWebhookAdmin = expressjwt({
  secret: config.jwt.publicKey,
  algorithms: ["RS256"],
  credentialsRequired: true,
});

export const requireAuthV2 = expressjwt({
  secret: config.jwt.publicKey,
  algorithms: ["RS256"],
  issuer: config.jwt.issuer,
  audience: config.jwt.audience,
});

export function requirePermission(permission: string) {
  return (req: JWTRequest, res: Response, next: NextFunction) => {
    if (!req.auth?.permissions?.includes(permission)) {
      return res.status(403).json({ error: "forbidden" });
    }
    return next();
  };
}
