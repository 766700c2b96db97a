"use strict";

const crypto = require("crypto");
const express = require("express");
const bcrypt = require("bcrypt");
const db = require("../lib/db");

const router = express.Router();

router.get("/login", (req, res) => {
  res.render("login.njk", { error: null });
});

router.post("/login", async (req, res, next) => {
  try {
    const admin = await db.first("SELECT id, email, password_hash FROM admins WHERE email = ?", [req.body.email]);
    if (!admin || !(await bcrypt.compare(String(req.body.password), admin.password_hash))) {
      return res.status(401).render("login.njk", { error: "Invalid email or password" });
    }
    req.session.adminUser = { id: admin.id, email: admin.email };
    return res.redirect("/campaigns");
  } catch (err) {
    return next(err);
  }
});

router.get("/invite/:token", async (req, res, next) => {
  try {
    const tokenHash = crypto.createHash("sha256").update(req.params.token).digest("hex");
    const invite = await db.first(
      "SELECT admin_id, email FROM admin_invites WHERE token_hash = ? AND expires_at > NOW() AND used_at IS NULL",
      [tokenHash]
    );
    if (!invite) return res.status(410).render("invite-expired.njk");
    await db.run("UPDATE admin_invites SET used_at = NOW() WHERE token_hash = ?", [tokenHash]);
    req.session["adminUser"] = { id: invite.admin_id, email: invite.email, mustSetPassword: true };
    return res.redirect("/settings/password");
  } catch (err) {
    return next(err);
  }
});

router.post("/logout", (req, res) => {
  req.session.destroy(() => {
    res.clearCookie("nl_admin");
    res.redirect("/login");
  });
});

module.exports = router;
