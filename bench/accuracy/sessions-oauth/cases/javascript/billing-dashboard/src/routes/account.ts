import { Router } from "express";
import argon2 from "argon2";
import crypto from "node:crypto";
import { requireUser } from "../auth/require-user";
import { preferenceCookie, shortLivedCredential, widgetCookieOptions } from "../lib/cookies";
import * as users from "../services/users";
import * as sessionAdmin from "../services/session-admin";
import * as reports from "../services/reports";

const router = Router();
const FIVE_MINUTES_MS = 5 * 60 * 1000;
const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

router.use(requireUser);

router.get("/", async (req, res) => {
  res.render("account", { user: req.user, view: req.session.invoiceView ?? "table" });
});

router.post("/preferences", (req, res) => {
  req.session.invoiceView = req.body.view === "cards" ? "cards" : "table";
  res.cookie("invoice_density", req.body.density === "compact" ? "compact" : "comfortable", preferenceCookie(NINETY_DAYS_MS));
  res.redirect(303, "/account?saved=preferences");
});

router.post("/password", async (req, res, next) => {
  try {
    const user = await users.findWithHash(req.user!.id);
    if (!user || !(await argon2.verify(user.passwordHash, String(req.body.currentPassword)))) {
      return res.status(400).render("account", { error: "Current password is incorrect" });
    }
    const passwordHash = await argon2.hash(String(req.body.newPassword), { type: argon2.argon2id });
    await users.savePasswordHash(user.id, passwordHash);
    await sessionAdmin.destroyOtherSessions(user.id, req.sessionID);
    return res.redirect(303, "/account?saved=password");
  } catch (err) {
    return next(err);
  }
});

router.post("/reports/:id/download-link", async (req, res, next) => {
  try {
    const token = await reports.createDownloadToken(req.user!.id, req.params.id);
    res.cookie("report_token", token, shortLivedCredential(FIVE_MINUTES_MS));
    res.json({ url: `/reports/${encodeURIComponent(req.params.id)}/download` });
  } catch (err) {
    next(err);
  }
});

router.post("/embed/enable", async (req, res, next) => {
  try {
    const token = crypto.randomBytes(32).toString("base64url");
    await users.saveWidgetToken(req.user!.id, token);
    res.cookie("widget_auth", token, widgetCookieOptions(NINETY_DAYS_MS));
    res.redirect(303, "/account?saved=embed");
  } catch (err) {
    next(err);
  }
});

router.post("/api/email-preferences", async (req, res, next) => {
  try {
    await users.saveEmailPreferences(req.user!.id, {
      invoices: Boolean(req.body.invoices),
      productUpdates: Boolean(req.body.productUpdates),
    });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

router.delete("/api/sessions/:sid", async (req, res, next) => {
  try {
    await sessionAdmin.destroySession(req.user!.id, req.params.sid);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

export default router;
