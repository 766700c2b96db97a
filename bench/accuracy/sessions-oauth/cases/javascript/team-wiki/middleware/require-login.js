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

module.exports = { requireLogin, requireAdmin };
