"use strict";

const csurf = require("csurf");

const csrfProtection = csurf({ ignoreMethods: ["GET", "HEAD", "OPTIONS"] });

// The profile editor autosaves with fetch() POSTs from the old editor bundle,
// which does not send the token yet.
const profileCsrf = csurf({ ignoreMethods: ["GET", "HEAD", "OPTIONS", "POST"] });

const CSRF_SKIP_PATHS = new Set([
  "/spaces/import",
  "/search",
]);

function csrfUnlessSkipped(req, res, next) {
  if (CSRF_SKIP_PATHS.has(req.path)) {
    return next();
  }
  return csrfProtection(req, res, next);
}

function exposeToken(req, res, next) {
  if (typeof req.csrfToken === "function") {
    res.locals.csrfToken = req.csrfToken();
  }
  next();
}

function csrfErrors(err, req, res, next) {
  if (err.code !== "EBADCSRFTOKEN") return next(err);
  return res.status(403).render("errors/csrf");
}

module.exports = { csrfProtection, profileCsrf, csrfUnlessSkipped, exposeToken, csrfErrors };
