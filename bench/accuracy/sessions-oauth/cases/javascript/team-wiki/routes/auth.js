"use strict";

const express = require("express");
const passport = require("passport");
const { isInternalPath } = require("../lib/paths");
const { ShareLink } = require("../models");

const router = express.Router();

router.get("/login", (req, res) => {
  res.render("login", { error: req.query.error ? "Sign-in failed" : null, next: req.query.next });
});

router.post("/login", (req, res, next) => {
  passport.authenticate("local", (err, user) => {
    if (err) return next(err);
    if (!user) return res.redirect("/auth/login?error=1");
    const target = isInternalPath(req.body.next) ? req.body.next : "/";
    return req.login(user, { keepSessionInfo: false }, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.redirect(target);
    });
  })(req, res, next);
});

router.get("/google", passport.authenticate("google", { scope: ["email", "profile"], hd: process.env.GOOGLE_HD }));
router.get(
  "/google/callback",
  passport.authenticate("google", {
    failureRedirect: "/auth/login?error=google",
    successRedirect: "/",
  })
);

router.get("/gitlab", passport.authenticate("gitlab"));
router.get("/gitlab/callback", passport.authenticate("gitlab", { failureRedirect: "/auth/login?error=gitlab" }), (req, res) => {
  res.redirect("/spaces");
});

router.get("/keycloak", passport.authenticate("keycloak"));
router.get("/keycloak/callback", (req, res, next) => {
  passport.authenticate("keycloak", (err, user, info) => {
    if (err) return next(err);
    if (!user) return res.redirect("/auth/login?error=sso");
    const returnTo = info && isInternalPath(info.returnTo) ? info.returnTo : "/spaces";
    return req.logIn(user, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.redirect(returnTo);
    });
  })(req, res, next);
});

// Share links let a guest read one space without an account.
router.get("/share/:token", async (req, res, next) => {
  try {
    const link = await ShareLink.redeem(req.params.token);
    if (!link) return res.status(410).render("errors/link-expired");
    req.session.passport = { user: { id: link.guestUserId, name: "Guest" } };
    return res.redirect(`/spaces/${encodeURIComponent(link.spaceSlug)}`);
  } catch (err) {
    return next(err);
  }
});

router.post("/logout", (req, res, next) => {
  req.logout((err) => {
    if (err) return next(err);
    return req.session.destroy(() => {
      res.redirect("/auth/login?signedOut=1");
    });
  });
});

module.exports = router;
