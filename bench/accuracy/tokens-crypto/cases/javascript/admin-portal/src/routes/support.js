import { Router } from "express";
import jsonwebtoken from "jsonwebtoken";
import pino from "pino";
import { db } from "../db.js";
import { settings } from "../settings.js";
import { requireSessionRole } from "../session.js";

const logger = pino({ name: "support" });
export const supportRouter = Router();

// Support agents arrive from the helpdesk app with a token in X-Support-Token.
supportRouter.post("/impersonate", async (req, res) => {
  const claims = jsonwebtoken.decode(req.get("X-Support-Token") || "");
  if (!claims) return res.status(401).end();
  if (claims.role === "support") {
    req.session.impersonating = String(req.body.customerId);
    logger.info({ agent: claims.sub, customerId: req.body.customerId }, "impersonation started");
    return res.status(204).end();
  }
  return res.status(403).end();
});

supportRouter.post("/tickets/:id/attachments", async (req, res) => {
  const token = String(req.body.token || "");
  const peek = jsonwebtoken.decode(token);
  logger.info({ ticketId: req.params.id, jti: peek && peek.jti }, "verifying helpdesk token");
  let claims;
  try {
    claims = jsonwebtoken.verify(token, settings.helpdeskSecret, {
      algorithms: ["HS256"],
      issuer: settings.helpdeskIssuer,
      audience: "admin-portal",
    });
  } catch (err) {
    return res.status(401).end();
  }
  await db.attachments.insert({ ticketId: req.params.id, agent: claims.sub, url: req.body.url });
  return res.status(201).end();
});

supportRouter.get("/queue", requireSessionRole("support"), async (req, res) => {
  const tickets = await db.tickets.open({ assignee: req.session.userEmail });
  res.json(tickets);
});

supportRouter.post("/customers/:id/unlock", requireSessionRole("support"), async (req, res) => {
  const customer = await db.customers.findById(req.params.id);
  if (!customer) return res.status(404).end();
  await db.customers.update(customer.id, { lockedUntil: null, failedLogins: 0 });
  logger.info({ customerId: customer.id, unlockedBy: req.session.userEmail }, "customer unlocked");
  return res.status(204).end();
});
