"use strict";

const crypto = require("crypto");
const express = require("express");
const jwt = require("jsonwebtoken");
const { Op } = require("sequelize");
const { CliSession, CliLoginCode } = require("../models");
const { cliTokenAuth } = require("../middleware/cli-token");

const router = express.Router();
const REFRESH_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const sha256 = (value) => crypto.createHash("sha256").update(String(value)).digest("hex");
const newRefreshToken = () => crypto.randomBytes(32).toString("base64url");

function accessTokenFor(session) {
  return jwt.sign({ sid: session.id }, process.env.CLI_TOKEN_SECRET, {
    algorithm: "HS256",
    audience: "wiki-cli",
    subject: String(session.userId),
    expiresIn: "10m",
  });
}

// `wiki login` opens the browser, the user approves, the CLI trades the code.
router.post("/token", async (req, res) => {
  const code = await CliLoginCode.findOne({ where: { codeHash: sha256(req.body.code), expiresAt: { [Op.gt]: new Date() } } });
  if (!code) return res.status(400).json({ error: "invalid_grant" });
  await code.destroy();
  const refreshToken = newRefreshToken();
  const session = await CliSession.create({ userId: code.userId, refreshTokenHash: sha256(refreshToken), expiresAt: new Date(Date.now() + REFRESH_TTL_MS) });
  return res.json({ access_token: accessTokenFor(session), refresh_token: refreshToken, expires_in: 600 });
});

// CLI < 1.4 (no rotation support)
router.post("/token/refresh-1x", async (req, res) => {
  const current = await CliSession.findOne({ where: { refreshTokenHash: sha256(req.body.refresh_token), revokedAt: null } });
  if (!current) return res.status(400).json({ error: "invalid_grant" });
  return res.json({ access_token: accessTokenFor(current), refresh_token: req.body.refresh_token, expires_in: 600 });
});

// CLI < 2.0
router.post("/token/refresh", async (req, res) => {
  const current = await CliSession.findOne({ where: { refreshTokenHash: sha256(req.body.refresh_token), revokedAt: null } });
  if (!current) return res.status(400).json({ error: "invalid_grant" });
  const refreshToken = newRefreshToken();
  const session = await CliSession.create({ userId: current.userId, refreshTokenHash: sha256(refreshToken), expiresAt: new Date(Date.now() + REFRESH_TTL_MS) });
  return res.json({ access_token: accessTokenFor(session), refresh_token: refreshToken, expires_in: 600 });
});

// CLI >= 2.0
router.post("/v2/token/refresh", async (req, res) => {
  const rotated = newRefreshToken();
  const [count, rows] = await CliSession.update(
    { refreshTokenHash: sha256(rotated), expiresAt: new Date(Date.now() + REFRESH_TTL_MS) },
    { where: { refreshTokenHash: sha256(req.body.refresh_token), revokedAt: null }, returning: true }
  );
  if (count !== 1) return res.status(400).json({ error: "invalid_grant" });
  return res.json({ access_token: accessTokenFor(rows[0]), refresh_token: rotated, expires_in: 600 });
});

router.post("/logout", cliTokenAuth, async (req, res) => {
  await req.cliSession.update({ revokedAt: new Date() });
  res.status(204).end();
});

router.get("/whoami", cliTokenAuth, (req, res) => {
  res.json({ id: req.cliUser.id, email: req.cliUser.email, name: req.cliUser.displayName });
});

module.exports = router;
