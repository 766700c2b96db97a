"use strict";

const crypto = require("crypto");
const express = require("express");
const passport = require("passport");
const bcrypt = require("bcrypt");
const db = require("../db");
const { sendMail } = require("../mailer");

const router = express.Router();

router.get("/login", (req, res) => {
  res.render("login", { next: req.query.next || "" });
});

router.post("/login", (req, res, next) => {
  passport.authenticate("local", (err, member, info) => {
    if (err) return next(err);
    if (!member) return res.status(401).render("login", { error: info.message, next: req.body.next });
    req.login(member, (loginErr) => {
      if (loginErr) return next(loginErr);
      db("members").where({ id: member.id }).update({ last_login_at: db.fn.now() }).catch(console.error);
      return res.redirect(req.body.next || "/slips");
    });
  })(req, res, next);
});

router.get("/auth/github", passport.authenticate("github"));

router.get("/auth/github/callback", (req, res, next) => {
  passport.authenticate("github", (err, member) => {
    if (err || !member) return res.status(401).render("login", { error: "GitHub sign-in failed" });
    req.logIn(member, (e) => (e ? next(e) : res.render("welcome", { member })));
  })(req, res, next);
});

// Harbour-master kiosk: dock staff sign in with a 6-digit PIN.
router.post("/kiosk/pin", async (req, res, next) => {
  try {
    const member = await db("members").where({ kiosk_code: String(req.body.code || "") }).first();
    if (!member || !(await bcrypt.compare(String(req.body.pin || ""), member.kiosk_pin_hash))) {
      return res.status(401).json({ error: "invalid pin" });
    }
    req.session.userId = member.id;
    const token = crypto.randomBytes(24).toString("base64url");
    await db("kiosk_devices").insert({ member_id: member.id, token_hash: sha256(token) });
    res.cookie("kiosk_auth", token, { httpOnly: true, sameSite: "strict", maxAge: 12 * 3600 * 1000 });
    return res.json({ ok: true, name: member.display_name });
  } catch (err) {
    return next(err);
  }
});

router.post("/magic-link", async (req, res) => {
  const member = await db("members").where({ email: String(req.body.email || "").toLowerCase() }).first();
  if (member) {
    const raw = crypto.randomBytes(32).toString("hex");
    await db("magic_links").insert({ member_id: member.id, token_hash: sha256(raw), expires_at: new Date(Date.now() + 15 * 60 * 1000) });
    await sendMail(member.email, "Your sign-in link", `${process.env.PUBLIC_URL}/magic/${raw}`);
  }
  res.render("check-inbox");
});

router.get("/magic/:token", async (req, res, next) => {
  const link = await db("magic_links")
    .where({ token_hash: sha256(req.params.token) })
    .andWhere("expires_at", ">", new Date())
    .first();
  if (!link) return res.status(410).render("error", { message: "This link has expired." });
  await db("magic_links").where({ id: link.id }).del();
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.userId = link.member_id;
    req.session.save(() => res.render("welcome", { memberId: link.member_id }));
  });
});

router.post("/logout", (req, res, next) => {
  req.logout();
  req.session.destroy((err) => {
    if (err) return next(err);
    res.render("signed-out");
  });
});

function sha256(value) {
  return crypto.createHash("sha256").update(value).digest("hex");
}

module.exports = router;
