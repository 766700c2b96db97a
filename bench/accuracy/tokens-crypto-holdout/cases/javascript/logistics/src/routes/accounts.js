"use strict";
const express = require("express");
const crypto = require("crypto");
const bcrypt = require("bcrypt");
const argon2 = require("argon2");
const config = require("../config");
const db = require("../lib/db");
const logger = require("../logger");
const { passwordResetCode } = require("../lib/crypto");
const { requireUser } = require("../middleware/auth");
const { signDriverToken } = require("../auth/tokens");

const router = express.Router();
router.use(express.json());

const DRIVER_PIN_ROUNDS = 8;

async function hashPortalPassword(password) {
  return argon2.hash(password, { type: argon2.argon2id });
}

// Accounts migrated from the PHP portal are pbkdf2$<salt>$<hash>.
function legacyPortalHash(password, salt) {
  return crypto.pbkdf2Sync(password, salt, config.pbkdf2Iterations, 32, "sha256").toString("hex");
}

function upgradedPortalHash(password, salt) {
  return crypto.pbkdf2Sync(password, salt, config.pbkdf2IterationsV2, 32, "sha256").toString("hex");
}

router.post("/drivers/:id/pin", requireUser, async (req, res) => {
  const pinHash = await bcrypt.hash(req.body.pin, DRIVER_PIN_ROUNDS);
  await db.drivers.update({ id: req.params.id }, { pinHash });
  logger.info({ driverId: req.params.id, pinLength: req.body.pin.length }, "driver PIN set");
  return res.status(204).end();
});

router.post("/dispatchers", requireUser, async (req, res) => {
  const { email, password } = req.body;
  const passwordHash = await bcrypt.hash(password, config.bcryptRounds);
  const user = await db.users.insert({ email, passwordHash, role: "dispatcher" });
  logger.info({ userId: user.id }, "password set for new dispatcher");
  return res.status(201).json({ id: user.id, email: user.email });
});

router.post("/login", async (req, res) => {
  const { email, password } = req.body;
  const user = await db.users.findOne({ email });
  if (!user || !(await argon2.verify(user.passwordHash, password))) {
    console.log(`failed login for ${email} with password ${password}`);
    return res.status(401).json({ error: "invalid email or password" });
  }
  const accessToken = signDriverToken(user.id, user.depotId);
  return res.json({ accessToken, tokenType: "Bearer", expiresIn: 43200 });
});

router.post("/password-reset", async (req, res) => {
  const user = await db.users.findOne({ email: req.body.email });
  if (user) {
    const code = passwordResetCode();
    await db.users.update({ id: user.id }, { resetDigest: crypto.createHash("sha256").update(code).digest("hex") });
    logger.info({ userId: user.id, resetCode: code }, "password reset code issued");
  }
  return res.status(202).json({ message: "If the address exists, a reset email has been sent" });
});

router.get("/users/:id", requireUser, async (req, res) => {
  const user = await db.users.findById(req.params.id);
  if (!user) return res.status(404).end();
  return res.json({ id: user.id, email: user.email, role: user.role, passwordHash: user.passwordHash });
});

router.get("/integrations/maps", requireUser, (req, res) => {
  if (!config.mapsApiKey) {
    throw new Error("maps API key is not configured");
  }
  logger.debug(`maps key loaded (${config.mapsApiKey.length} chars)`);
  return res.json({ configured: true });
});

router.post("/integrations/carrier/test", requireUser, async (req, res) => {
  const resp = await fetch("https://api.carrier.example/ping", { headers: { "x-api-key": config.carrierApiKey } });
  if (!resp.ok) {
    throw new Error(`carrier ping failed (${resp.status}) using key ${config.carrierApiKey}`);
  }
  return res.json({ ok: true });
});

module.exports = { router, hashPortalPassword, legacyPortalHash, upgradedPortalHash };
