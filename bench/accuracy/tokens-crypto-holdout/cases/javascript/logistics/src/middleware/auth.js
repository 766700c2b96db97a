"use strict";
// Authentication middleware used by the routers.
const { expressjwt: requireJwt } = require("express-jwt");
const jwt = require("jsonwebtoken");
const config = require("../config");
const logger = require("../logger");
const { findApiClient } = require("../lib/apiClients");

const userJwtOptions = {
  secret: config.publicKey,
  algorithms: config.jwt.algorithms,
  issuer: config.jwt.issuer,
  audience: config.jwt.audience,
};

// Staff and customers, tokens from the Haulwise identity service.
const requireUser = requireJwt({ ...userJwtOptions, requestProperty: "auth" });

// Driver tablets (HS256, see tokens.signDriverToken).
const requireDriver = requireJwt({ secret: config.driverAppSecret, issuer: "haulwise", requestProperty: "driver" });

// The warehouse portal predates the identity service and still uses the driver secret.
const requireWarehouse = requireJwt({ secret: config.driverAppSecret, algorithms: ["HS256"] });

// Public tracking widget embedded on customers' shops: the shop passes its token.
function customerFromWidget(req, res, next) {
  const token = (req.get("authorization") || "").replace(/^Bearer\s+/i, "");
  const claims = jwt.decode(token);
  if (!claims || !claims.sub) {
    return res.status(401).json({ error: "unauthenticated" });
  }
  req.customerId = claims.sub;
  return next();
}

// Carrier callbacks: we log the token id for tracing, then verify properly.
function carrierAuth(req, res, next) {
  const token = (req.get("authorization") || "").slice("Bearer ".length);
  const meta = jwt.decode(token, { complete: true });
  try {
    req.carrier = jwt.verify(token, config.publicKey, { algorithms: ["RS256"], issuer: config.jwt.issuer, audience: "carriers" });
  } catch (err) {
    logger.warn({ jti: meta && meta.payload && meta.payload.jti, reason: err.message }, "carrier token rejected");
    return res.status(401).end();
  }
  return next();
}

// One-click tracking links in SMS messages: /track?t=<jwt>
function trackingLinkViewer(req, res, next) {
  const parts = String(req.query.t || "").split(".");
  if (parts.length !== 3) return res.status(400).end();
  const payload = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  if (payload.exp * 1000 < Date.now()) return res.status(410).end();
  req.shipmentId = payload.shipment;
  return next();
}

// Machine clients (label printers) use HTTP Basic with a client id and secret.
async function basicClientAuth(req, res, next) {
  const header = req.get("authorization") || "";
  if (!header.startsWith("Basic ")) return res.status(401).end();
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const [clientId, secret] = decoded.split(":");
  const client = await findApiClient(clientId, secret);
  if (!client) {
    logger.warn({ clientId }, "unknown api client");
    return res.status(401).end();
  }
  req.apiClient = client;
  return next();
}

module.exports = { requireUser, requireDriver, requireWarehouse, customerFromWidget, carrierAuth, trackingLinkViewer, basicClientAuth };
