"use strict";

const express = require("express");
const bcrypt = require("bcrypt");
const passport = require("passport");
const { promisify } = require("util");
const users = require("../services/users");
const mailer = require("../services/mailer");

const router = express.Router();
const BCRYPT_ROUNDS = 12;

function startSession(req, user) {
  req.session.user = { id: user.id, email: user.email, role: user.role };
}

router.get("/login", (req, res) => {
  if (typeof req.query.returnTo === "string") {
    req.session.returnTo = req.query.returnTo;
  }
  res.render("login", { error: null });
});

router.post("/login", async (req, res, next) => {
  try {
    const user = await users.findByEmail(String(req.body.email || "").toLowerCase());
    const ok = user && (await bcrypt.compare(String(req.body.password || ""), user.passwordHash));
    if (!ok) {
      return res.status(401).render("login", { error: "Invalid email or password" });
    }
    req.session.userId = user.id;
    const target = req.session.returnTo || "/account";
    delete req.session.returnTo;
    return res.redirect(target);
  } catch (err) {
    return next(err);
  }
});

router.post("/staff/login", async (req, res, next) => {
  try {
    const staff = await users.findStaff(req.body.username);
    if (!staff || !(await bcrypt.compare(req.body.password, staff.passwordHash))) {
      return res.status(401).render("staff-login", { error: "Access denied" });
    }
    req.session.regenerate((err) => {
      if (err) return next(err);
      req.session.staff = { id: staff.id, scopes: staff.scopes };
      return res.redirect("/admin");
    });
  } catch (err) {
    next(err);
  }
});

router.post("/signup", async (req, res, next) => {
  try {
    const passwordHash = await bcrypt.hash(req.body.password, BCRYPT_ROUNDS);
    const user = await users.create({ email: req.body.email, passwordHash });
    await mailer.sendWelcome(user.email);
    req.logIn(user, (err) => {
      if (err) return next(err);
      return res.redirect(303, "/account/welcome");
    });
  } catch (err) {
    next(err);
  }
});

router.get("/magic/:token", async (req, res, next) => {
  try {
    const user = await users.consumeMagicLink(req.params.token);
    if (!user) return res.redirect("/auth/login?expired=1");
    startSession(req, user);
    return res.redirect(req.query.next || "/account/orders");
  } catch (err) {
    return next(err);
  }
});

router.get("/github", passport.authenticate("github"));

router.get("/github/callback", (req, res, next) => {
  passport.authenticate("github", (err, user) => {
    if (err) return next(err);
    if (!user) return res.redirect("/auth/login?error=github");
    req.login(user, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.redirect("/account?via=github");
    });
  })(req, res, next);
});

router.get("/google", passport.authenticate("google", { scope: ["profile", "email"] }));

router.get("/google/callback", (req, res, next) => {
  passport.authenticate("google", async (err, user) => {
    if (err || !user) return res.redirect("/auth/login?error=google");
    try {
      await promisify(req.login.bind(req))(user);
      return res.redirect("/account?via=google");
    } catch (loginErr) {
      return next(loginErr);
    }
  })(req, res, next);
});

router.post("/logout", (req, res, next) => {
  req.logout();
  req.session.destroy((err) => {
    if (err) return next(err);
    res.clearCookie("shop.sid");
    return res.redirect("/");
  });
});

module.exports = router;
