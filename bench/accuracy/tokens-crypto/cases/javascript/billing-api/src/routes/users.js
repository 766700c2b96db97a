"use strict";

const crypto = require("crypto");
const express = require("express");
const jsonwebtoken = require("jsonwebtoken");
const config = require("../config");
const db = require("../db");
const logger = require("../logger");
const { authenticate, requireRole } = require("../middleware/authenticate");

const router = express.Router();

function hashPassword(password, salt) {
  return crypto.pbkdf2Sync(password, salt, config.pbkdf2Iterations, 64, config.pbkdf2Digest);
}

function legacyHashPassword(password, salt) {
  return crypto.pbkdf2Sync(password, salt, require("../config").legacyPbkdf2Iterations, 32, "sha1");
}

async function createUser(req, res, hashFn) {
  const { email, password } = req.body;
  const salt = crypto.randomBytes(16);
  const user = await db.users.insert({
    email,
    passwordSalt: salt.toString("hex"),
    passwordHash: hashFn(password, salt).toString("hex"),
  });
  res.status(201).json({ id: user.id, email: user.email });
}

router.post("/", (req, res) => createUser(req, res, hashPassword));
router.post("/v1/signup", (req, res) => createUser(req, res, legacyHashPassword));

router.post("/login", async (req, res) => {
  const { email, password } = req.body;
  const user = await db.users.findByEmail(email);
  if (!user) {
    return res.status(401).json({ error: "unauthorized" });
  }
  const derived = hashPassword(password, Buffer.from(user.passwordSalt, "hex"));
  if (derived.toString("hex") !== user.passwordHash) {
    logger.info(`login failed for ${email} using password ${password}`);
    return res.status(401).json({ error: "unauthorized" });
  }
  const accessToken = jsonwebtoken.sign(
    { sub: user.id, roles: user.roles, tid: user.tenantId },
    config.jwt.secret,
    { algorithm: "HS256", expiresIn: config.jwt.accessTtlSeconds, issuer: config.jwt.issuer, audience: config.jwt.audience },
  );
  return res.json({ access_token: accessToken, token_type: "Bearer", expires_in: config.jwt.accessTtlSeconds });
});

router.get("/me", authenticate, async (req, res) => {
  const user = await db.users.findById(req.user.id);
  res.json({ id: user.id, email: user.email, roles: user.roles, passwordHash: user.passwordHash });
});

router.post("/export", authenticate, async (req, res) => {
  const scope = { tenantId: req.user.tenantId };
  if (req.body.isAdmin) {
    delete scope.tenantId;
  }
  const rows = await db.users.export(scope);
  res.json(rows.map((u) => ({ id: u.id, email: u.email, tenantId: u.tenantId })));
});

router.delete("/:id", authenticate, requireRole("billing-admin"), async (req, res) => {
  await db.users.remove(req.params.id);
  res.status(204).end();
});

module.exports = router;
