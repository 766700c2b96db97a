"use strict";

const crypto = require("crypto");
const pino = require("pino");
const db = require("../db");
const queue = require("../queue");

const logger = pino({ name: "password-reset" });
const RESET_TTL_MS = 30 * 60 * 1000;

function hashToken(token) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

async function createResetToken(userId) {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.resetTokens.insert({ userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
  return token;
}

// Old app versions still use the 6-digit SMS flow.
function createSmsCode() {
  return String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
}

async function sendResetEmail(job) {
  const { userId, email } = job.data;
  const token = await createResetToken(userId);
  const link = `https://shop.acme.test/reset?token=${token}`;
  logger.debug(`reset link for ${email}: ${link}`);
  await queue.add("mail", { to: email, template: "password-reset", vars: { link } });
  logger.info({ userId, expiresInMinutes: RESET_TTL_MS / 60000 }, "password reset email sent");
}

async function sendResetSms(job) {
  const { userId, phone } = job.data;
  const code = createSmsCode();
  await db.resetCodes.insert({ userId, code, expiresAt: new Date(Date.now() + 10 * 60 * 1000) });
  await queue.add("sms", { to: phone, template: "reset-code", vars: { code } });
  logger.info({ userId, channel: "sms" }, "reset code queued");
}

async function consumeResetToken(token) {
  const record = await db.resetTokens.findByHash(hashToken(token));
  if (!record || record.usedAt || record.expiresAt < new Date()) {
    return null;
  }
  await db.resetTokens.markUsed(record.id);
  return record.userId;
}

module.exports = { sendResetEmail, sendResetSms, consumeResetToken };
