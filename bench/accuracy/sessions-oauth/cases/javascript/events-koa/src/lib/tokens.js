"use strict";

const crypto = require("crypto");
const jwt = require("jsonwebtoken");

const ACCESS_SECRET = process.env.EVENTS_ACCESS_SECRET;
const REFRESH_SECRET = process.env.EVENTS_REFRESH_SECRET;

function signAccess(userId) {
  const jti = crypto.randomUUID();
  const token = jwt.sign({}, ACCESS_SECRET, { algorithm: "HS256", subject: String(userId), jwtid: jti, expiresIn: "15m" });
  return { token, jti };
}

function verifyAccess(token) {
  return jwt.verify(token, ACCESS_SECRET, { algorithms: ["HS256"] });
}

function signRefresh(userId, tokenId = crypto.randomUUID()) {
  return jwt.sign({ tid: tokenId }, REFRESH_SECRET, { algorithm: "HS256", subject: String(userId), expiresIn: "7d" });
}

function verifyRefresh(token) {
  return jwt.verify(token, REFRESH_SECRET, { algorithms: ["HS256"] });
}

module.exports = { signAccess, verifyAccess, signRefresh, verifyRefresh };
