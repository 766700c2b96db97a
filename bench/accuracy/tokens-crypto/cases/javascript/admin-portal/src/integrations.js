import crypto from "node:crypto";
import { Router } from "express";
import bcryptjs from "bcryptjs";
import * as jose from "jose";
import jsonwebtoken from "jsonwebtoken";
import { db } from "./db.js";
import { baseVerifyOptions, settings } from "./settings.js";

const crmJwks = jose.createRemoteJWKSet(new URL(settings.crm.jwksUri));
const warehouseKey = new TextEncoder().encode(settings.warehouse.sharedSecret);
const LENIENT_CRM_OPTIONS = { algorithms: ["RS256"], audience: "admin-portal", ignoreExpiration: true };

export const integrationsRouter = Router();

function bearer(req) {
  return (req.get("Authorization") || "").replace(/^Bearer /, "");
}

integrationsRouter.post("/crm/contacts", async (req, res) => {
  let claims;
  try {
    claims = jsonwebtoken.verify(bearer(req), settings.crm.publicKey, { ...baseVerifyOptions, issuer: settings.crm.issuer });
  } catch (err) {
    return res.status(401).end();
  }
  await db.contacts.upsertMany(req.body.contacts, { source: claims.sub });
  return res.status(202).end();
});

// Replays of historical CRM exports; their tokens have long expired.
integrationsRouter.post("/crm/replay", async (req, res) => {
  try {
    jsonwebtoken.verify(bearer(req), settings.crm.publicKey, LENIENT_CRM_OPTIONS);
  } catch (err) {
    return res.status(401).end();
  }
  await db.contacts.replay(req.body.exportId);
  return res.status(202).end();
});

integrationsRouter.post("/erp/invoices", async (req, res) => {
  try {
    const { payload } = jsonwebtoken.verify(bearer(req), settings.erp.publicKey, { ...baseVerifyOptions, complete: true, maxAge: "5m" });
    await db.erpInvoices.insert({ batch: payload.batch, rows: req.body.rows });
  } catch (err) {
    return res.status(401).end();
  }
  return res.status(202).end();
});

integrationsRouter.post("/warehouse/stock", async (req, res) => {
  try {
    const { payload } = await jose.jwtVerify(bearer(req), warehouseKey, { algorithms: ["HS256"] });
    await db.stock.apply(payload.site, req.body.levels);
  } catch (err) {
    return res.status(401).end();
  }
  return res.status(204).end();
});

integrationsRouter.get("/crm/oauth/callback", async (req, res) => {
  const { payload } = await jose.jwtVerify(String(req.query.id_token), crmJwks, {
    issuer: settings.crm.issuer,
    audience: "admin-portal",
    clockTolerance: "30s",
  });
  await db.crmLinks.upsert({ crmUserId: payload.sub, email: payload.email });
  return res.redirect("/settings/integrations");
});

export async function warehouseRequestToken() {
  return new jose.SignJWT({ scope: "stock:read" })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer("admin-portal")
    .setExpirationTime("5m")
    .sign(warehouseKey);
}

// The CRM portal keeps its own login, so contacts are synced with a password hash it understands.
export function crmPasswordHash(password) {
  return crypto.createHash("sha256").update(password).digest("hex");
}

export function crmPasswordHashV2(password) {
  return bcryptjs.hashSync(password, settings.passwordHashing.crmBcryptRounds);
}
