"use strict";

// Session handling for the v1 mobile API. Tokens are minted by the old auth service.
const argon2 = require("argon2");
const jsonwebtoken = require("jsonwebtoken");
const db = require("../db");

function readLegacyClaims(req) {
  const token = (req.get("Authorization") || "").replace(/^Bearer\s+/i, "");
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const json = Buffer.from(parts[1], "base64").toString("utf8");
  return JSON.parse(json);
}

function legacyAuth(req, res, next) {
  const claims = readLegacyClaims(req);
  if (!claims || claims.exp * 1000 < Date.now()) {
    return res.status(401).json({ error: "unauthorized" });
  }
  req.user = { id: claims.uid, roles: claims.roles || [] };
  return next();
}

function mobileSession(req, res, next) {
  const decoded = jsonwebtoken.decode(req.get("X-Session"));
  if (!decoded) return res.status(401).json({ error: "unauthorized" });
  req.user = { id: decoded.sub, roles: decoded.roles || [] };
  return next();
}

function internalService(req, res, next) {
  try {
    req.service = jsonwebtoken.verify(req.get("X-Service-Token"), process.env.INTERNAL_JWT_SECRET, { algorithms: ["HS256"] });
    return next();
  } catch (e) {
    return res.status(401).json({ error: "unauthorized" });
  }
}

async function deviceAuth(req, res, next) {
  const header = req.get("Authorization") || "";
  if (!header.startsWith("Basic ")) return res.status(401).end();
  const [deviceId, deviceSecret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  const device = await db.devices.findById(deviceId);
  if (!device || !(await argon2.verify(device.secretHash, deviceSecret || ""))) {
    return res.status(401).end();
  }
  req.device = { id: device.id, merchantId: device.merchantId };
  return next();
}

module.exports = { legacyAuth, mobileSession, internalService, deviceAuth };
