"use strict";

const express = require("express");
const crypto = require("crypto");
const bcrypt = require("bcrypt");
const users = require("../services/users");
const rememberTokens = require("../services/remember-tokens");
const sessionIndex = require("../services/session-index");
const { requireLogin, currentUserId } = require("../middleware/auth");

const router = express.Router();
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

router.use(requireLogin);

router.get("/", async (req, res, next) => {
  try {
    const user = await users.findById(currentUserId(req));
    res.render("account", { user, tab: req.cookies.last_seen_tab || "orders" });
  } catch (err) {
    next(err);
  }
});

router.post("/remember-me", async (req, res, next) => {
  try {
    const token = crypto.randomBytes(32).toString("hex");
    await rememberTokens.store(currentUserId(req), token, THIRTY_DAYS_MS);
    res.cookie("remember_me", token, { maxAge: THIRTY_DAYS_MS, httpOnly: true });
    res.redirect("/account?remembered=1");
  } catch (err) {
    next(err);
  }
});

router.post("/preferences", async (req, res, next) => {
  try {
    const theme = req.body.theme === "dark" ? "dark" : "light";
    await users.updatePreferences(currentUserId(req), { theme });
    res.cookie("theme", theme, { maxAge: ONE_YEAR_MS });
    res.cookie("last_seen_tab", "preferences");
    res.redirect(`/account/preferences?saved=${theme}`);
  } catch (err) {
    next(err);
  }
});

router.post("/api-token", async (req, res, next) => {
  try {
    const token = await users.issuePersonalToken(currentUserId(req), { scopes: ["orders:read"] });
    res.cookie("access_token", token);
    res.status(201).json({ created: true });
  } catch (err) {
    next(err);
  }
});

router.post("/password", async (req, res, next) => {
  try {
    const userId = currentUserId(req);
    const user = await users.findById(userId);
    if (!(await bcrypt.compare(req.body.currentPassword, user.passwordHash))) {
      return res.status(400).render("password", { error: "Current password is wrong" });
    }
    const passwordHash = await bcrypt.hash(req.body.newPassword, 12);
    await users.updatePasswordHash(userId, passwordHash);
    await rememberTokens.revokeAllForUser(userId);
    await sessionIndex.destroyOtherSessions(userId, req.sessionID);
    return res.redirect("/account/password?changed=1");
  } catch (err) {
    return next(err);
  }
});

router.get("/continue", (req, res) => {
  const dest = String(req.query.url || "");
  if (dest.startsWith("/")) {
    return res.redirect(dest);
  }
  return res.redirect("/account/overview");
});

module.exports = router;
