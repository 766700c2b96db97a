"use strict";

const jwt = require("jsonwebtoken");
const { CliSession, User } = require("../models");

/**
 * Access tokens for the `wiki` CLI are short JWTs bound to a CliSession row;
 * revoking the row (logout, admin kill switch) stops the token immediately.
 */
async function cliTokenAuth(req, res, next) {
  const header = req.get("authorization") || "";
  if (!header.startsWith("Bearer ")) {
    return res.status(401).json({ error: "missing bearer token" });
  }
  let claims;
  try {
    claims = jwt.verify(header.slice(7), process.env.CLI_TOKEN_SECRET, {
      algorithms: ["HS256"],
      audience: "wiki-cli",
    });
  } catch {
    return res.status(401).json({ error: "invalid token" });
  }
  const session = await CliSession.findByPk(claims.sid);
  if (!session || session.revokedAt) {
    return res.status(401).json({ error: "token revoked" });
  }
  req.cliSession = session;
  req.cliUser = await User.findByPk(session.userId);
  return next();
}

module.exports = { cliTokenAuth };
