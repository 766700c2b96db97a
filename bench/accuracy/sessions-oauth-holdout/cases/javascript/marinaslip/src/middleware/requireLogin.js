"use strict";

const db = require("../db");

/**
 * Guards member-only pages. Anonymous visitors are sent to the login page and
 * brought back to where they were after signing in.
 */
function requireLogin(req, res, next) {
  if (req.user) return next();
  if (req.session && req.session.userId) {
    return db("members")
      .where({ id: req.session.userId })
      .first()
      .then((member) => {
        if (!member) return sendToLogin(req, res);
        req.user = member;
        return next();
      })
      .catch(next);
  }
  return sendToLogin(req, res);
}

function sendToLogin(req, res) {
  if (req.accepts(["html", "json"]) === "json") {
    return res.status(401).json({ error: "login required" });
  }
  req.session.returnTo = req.originalUrl;
  return res.redirect("/login");
}

function requireRole(role) {
  return (req, res, next) => {
    if (!req.user) return res.status(401).end();
    if (!(req.user.roles || []).includes(role)) return res.status(403).render("error", { message: "Not allowed" });
    return next();
  };
}

module.exports = { requireLogin, requireRole };
