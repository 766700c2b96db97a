"use strict";

const rememberTokens = require("../services/remember-tokens");
const users = require("../services/users");
const sessionIndex = require("../services/session-index");

function currentUserId(req) {
  if (req.user) return req.user.id;
  if (req.session.user) return req.session.user.id;
  return req.session.userId || null;
}

function requireLogin(req, res, next) {
  const userId = currentUserId(req);
  if (userId) {
    sessionIndex.track(userId, req.sessionID).then(() => next(), next);
    return undefined;
  }
  if (req.method === "GET") {
    req.session.returnTo = req.originalUrl;
  }
  return res.redirect("/auth/login");
}

function requireStaff(req, res, next) {
  if (req.session.staff && req.session.staff.scopes.includes("admin")) return next();
  return res.status(403).render("403");
}

async function restoreFromRememberMe(req, res, next) {
  if (currentUserId(req) || !req.cookies.remember_me) return next();
  try {
    const userId = await rememberTokens.lookup(req.cookies.remember_me);
    if (userId && (await users.findById(userId))) {
      req.session.userId = userId;
    }
    return next();
  } catch (err) {
    return next(err);
  }
}

module.exports = {
  currentUserId,
  requireLogin,
  requireStaff,
  restoreFromRememberMe,
};
