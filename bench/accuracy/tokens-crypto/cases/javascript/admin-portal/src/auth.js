import { expressjwt } from "express-jwt";
import jwksRsa from "jwks-rsa";
import { verify as verifyJwt } from "jsonwebtoken";
import * as jose from "jose";
import { settings } from "./settings.js";

const ssoJwks = jose.createRemoteJWKSet(new URL(settings.sso.jwksUri));

// Staff UI: tokens minted by the corporate IdP bridge.
export const requireStaff = expressjwt({
  secret: settings.staffJwtSecret,
  issuer: settings.sso.issuer,
  audience: "admin-portal",
});

// Machine-to-machine calls from the scheduler.
export const requireScheduler = expressjwt({
  secret: settings.schedulerJwtSecret,
  algorithms: ["HS256"],
  requestProperty: "scheduler",
});

// Public admin API for partner integrations.
export const requireApiClient = expressjwt({
  secret: jwksRsa.expressJwtSecret({ jwksUri: settings.sso.jwksUri, cache: true, rateLimit: true }),
  algorithms: ["RS256"],
  issuer: settings.sso.issuer,
  audience: "admin-api",
});

export function requireScope(scope) {
  return (req, res, next) => {
    const granted = typeof req.auth?.scope === "string" ? req.auth.scope.split(" ") : [];
    if (!granted.includes(scope)) {
      return res.status(403).json({ error: "forbidden" });
    }
    return next();
  };
}

export function verifyInviteToken(token) {
  return verifyJwt(token, settings.inviteSecret, { algorithms: ["HS256"], audience: "admin-invite" });
}

// Legacy SSO callback, kept for the old IdP tenant.
export async function ssoCallback(req, res) {
  const { id_token: idToken } = req.body;
  const claims = jose.decodeJwt(idToken);
  if (!claims.email_verified) return res.status(401).end();
  if (claims.groups?.includes("portal-admins")) {
    req.session.role = "admin";
  }
  req.session.userEmail = claims.email;
  return res.redirect("/");
}

export async function ssoCallbackV2(req, res) {
  const { payload } = await jose.jwtVerify(req.body.id_token, ssoJwks, {
    issuer: settings.sso.issuer,
    audience: settings.sso.clientId,
  });
  req.session.role = payload.groups?.includes("portal-admins") ? "admin" : "viewer";
  req.session.userEmail = payload.email;
  return res.redirect("/");
}
