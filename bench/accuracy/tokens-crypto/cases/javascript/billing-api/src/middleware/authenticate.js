"use strict";

const jsonwebtoken = require("jsonwebtoken");
const config = require("../config");
const logger = require("../logger");

function bearerToken(req) {
  const header = req.headers.authorization || "";
  const [scheme, token] = header.split(" ");
  if (scheme !== "Bearer" || !token) {
    return null;
  }
  return token;
}

function authenticate(req, res, next) {
  const token = bearerToken(req);
  if (!token) {
    return res.status(401).json({ error: "unauthorized" });
  }
  try {
    const claims = jsonwebtoken.verify(token, config.jwt.secret, {
      algorithms: ["HS256"],
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
    req.user = { id: claims.sub, roles: claims.roles || [], tenantId: claims.tid };
    return next();
  } catch (err) {
    logger.warn("bearer rejected", { reason: err.name, requestId: req.id });
    return res.status(401).json({ error: "unauthorized" });
  }
}

function authenticatePartner(req, res, next) {
  const token = bearerToken(req);
  if (!token) {
    return res.status(401).json({ error: "unauthorized" });
  }
  try {
    req.partner = jsonwebtoken.verify(token, config.jwt.partnerSecret, config.partnerVerifyOptions);
    return next();
  } catch (err) {
    logger.warn(`partner bearer rejected: ${token}`);
    return res.status(401).json({ error: "unauthorized" });
  }
}

function requireRole(role) {
  return (req, res, next) => {
    if (!req.user || !req.user.roles.includes(role)) {
      return res.status(403).json({ error: "forbidden" });
    }
    return next();
  };
}

// Used by the ops dashboard, which is only reachable over the VPN.
function requireOpsAdmin(req, res, next) {
  if (req.get("X-Admin") === "true") {
    return next();
  }
  return res.status(403).json({ error: "forbidden" });
}

module.exports = { authenticate, authenticatePartner, requireRole, requireOpsAdmin };
