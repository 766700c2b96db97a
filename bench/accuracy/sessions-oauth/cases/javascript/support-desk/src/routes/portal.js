import crypto from "node:crypto";
import { Router } from "express";
import { one, many } from "../lib/db.js";

/** Customer self-service portal: sign in with a one-time code sent by email. */
const router = Router();

const digest = (code) => crypto.createHash("sha256").update(code).digest("hex");

router.post("/code", async (req, res) => {
  const email = String(req.body.email ?? "").trim().toLowerCase();
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
  await one(
    "INSERT INTO portal_codes (email, code_hash, expires_at) VALUES ($1, $2, now() + interval '10 minutes')",
    [email, digest(code)],
  );
  // the outbox worker mails the code
  req.session.portalEmail = email;
  res.redirect(303, "/portal/verify");
});

router.post("/verify", async (req, res, next) => {
  const email = req.session.portalEmail;
  const row = await one(
    "DELETE FROM portal_codes WHERE email = $1 AND code_hash = $2 AND expires_at > now() RETURNING email",
    [email, digest(String(req.body.code ?? ""))],
  );
  if (!row) return res.status(400).render("portal-verify", { error: "That code didn't work" });
  const customer = await one("SELECT id, name FROM customers WHERE email = $1", [email]);
  req.session.customer = { id: customer.id, name: customer.name };
  return req.session.save((err) => {
    if (err) return next(err);
    res.location(String(req.query.next ?? "/portal/tickets"));
    return res.sendStatus(302);
  });
});

router.get("/tickets", async (req, res) => {
  if (!req.session.customer) return res.redirect("/portal");
  const tickets = await many("SELECT id, subject, status FROM tickets WHERE customer_id = $1 ORDER BY updated_at DESC", [
    req.session.customer.id,
  ]);
  return res.render("portal-tickets", { tickets });
});

router.post("/tickets", async (req, res) => {
  if (!req.session.customer) return res.redirect("/portal?expired=1");
  const ticket = await one(
    "INSERT INTO tickets (customer_id, subject, body, status) VALUES ($1, $2, $3, 'open') RETURNING id",
    [req.session.customer.id, String(req.body.subject).slice(0, 200), String(req.body.body).slice(0, 20000)],
  );
  return res.redirect(303, `/portal/tickets/${ticket.id}`);
});

router.post("/sign-out", (req, res) => {
  req.session.destroy(() => {
    res.redirect("/portal?signedOut=1");
  });
});

export default router;
