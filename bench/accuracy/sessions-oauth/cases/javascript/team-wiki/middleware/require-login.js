"use strict";

function requireLogin(req, res, next) {
  if (req.user) return next();
  if (req.accepts("html")) {
    return res.redirect(`/auth/login?next=${encodeURIComponent(req.originalUrl)}`);
  }
  return res.status(401).json({ error: "login required" });
}

function requireAdmin(req, res, next) {
  if (req.user && req.user.isAdmin) return next();
  return res.status(403).render("errors/forbidden");
}

/** Guests (contractors, share links) can read but never edit pages. */
function requireEditor(req, res, next) {
  if (!req.user) {
    return res.status(401).json({ error: "login required" });
  }
  if (req.user.kind === "guest" && !req.user.isAdmin) {
    return res.status(403).render("errors/forbidden", { reason: "read-only account" });
  }
  return next();
}

function requireJson(req, res, next) {
  if (req.is("application/json")) return next();
  return res.status(415).json({ error: "expected application/json" });
}

module.exports = { requireLogin, requireAdmin, requireEditor, requireJson };
