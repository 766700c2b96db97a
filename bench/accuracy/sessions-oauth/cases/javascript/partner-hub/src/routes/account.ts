import crypto from "node:crypto";
import { Router } from "express";
import bcrypt from "bcrypt";
import type { Request as JWTRequest } from "express-jwt";
import { db } from "../services/db";
import { requirePartner, sha256 } from "../auth/tokens";
import { docsUrl } from "../lib/redirects";

const router = Router();
const LOCALES = new Set(["en", "de", "fr", "es", "pt-BR"]);

router.get("/", requirePartner, async (req: JWTRequest, res) => {
  const partner = await db("partners").where({ id: req.auth?.sub }).first("id", "email", "org_id", "locale");
  res.render("account", { partner });
});

router.post("/locale", requirePartner, async (req: JWTRequest, res) => {
  const locale = LOCALES.has(req.body.locale) ? req.body.locale : "en";
  await db("partners").where({ id: req.auth?.sub }).update({ locale });
  res.cookie("ph_locale", locale, { maxAge: 180 * 24 * 60 * 60 * 1000 });
  res.redirect(303, "/account?locale=saved");
});

router.post("/password", requirePartner, async (req: JWTRequest, res, next) => {
  try {
    const partner = await db("partners").where({ id: req.auth?.sub }).first();
    if (!(await bcrypt.compare(String(req.body.currentPassword), partner.password_hash))) {
      return res.status(400).render("account", { partner, error: "Current password is wrong" });
    }
    const passwordHash = await bcrypt.hash(String(req.body.newPassword), 12);
    await db("partners").where({ id: partner.id }).update({ password_hash: passwordHash, updated_at: db.fn.now() });
    return res.redirect(303, "/account?password=changed");
  } catch (err) {
    return next(err);
  }
});

router.post("/password-reset/request", async (req, res) => {
  const partner = await db("partners").where({ email: String(req.body.email).toLowerCase() }).first();
  if (partner) {
    const token = crypto.randomBytes(32).toString("base64url");
    await db("password_resets").insert({
      token_hash: sha256(token),
      partner_id: partner.id,
      expires_at: new Date(Date.now() + 30 * 60 * 1000),
    });
    // mailer.sendReset(partner.email, token) is queued by the outbox worker
  }
  res.status(202).render("reset-requested");
});

router.post("/password-reset/confirm", async (req, res, next) => {
  try {
    const reset = await db("password_resets")
      .where({ token_hash: sha256(String(req.body.token)) })
      .andWhere("expires_at", ">", new Date())
      .first();
    if (!reset) return res.status(400).render("reset", { error: "Link expired" });
    const hash = await bcrypt.hash(String(req.body.password), 12);
    await db("partners").where({ id: reset.partner_id }).update({ password_hash: hash });
    await db("password_resets").where({ partner_id: reset.partner_id }).del();
    return res.redirect("/auth/login?reset=1");
  } catch (err) {
    return next(err);
  }
});

// The SDK sandbox console (same site, different path) reads this token from JavaScript.
router.post("/sandbox", requirePartner, async (req: JWTRequest, res) => {
  const token = crypto.randomBytes(24).toString("base64url");
  await db("sandbox_sessions").insert({ token_hash: sha256(token), partner_id: req.auth?.sub });
  res.cookie("sandbox_auth", token, { secure: true, sameSite: "lax", path: "/sandbox" });
  res.redirect(303, "/sandbox/console");
});

router.get("/help", (req, res) => {
  const target = docsUrl(req.query.article);
  res.redirect(target ?? "https://docs.partnerhub.io/");
});

export default router;
