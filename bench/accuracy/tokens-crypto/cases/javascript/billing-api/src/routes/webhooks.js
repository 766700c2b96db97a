"use strict";

const crypto = require("crypto");
const express = require("express");
const config = require("../config");
const logger = require("../logger");
const ledger = require("../services/ledger");

const router = express.Router();

function captureRawBody(req, res, buf) {
  req.rawBody = buf;
}

router.use(express.json({ verify: captureRawBody, limit: "1mb" }));

router.post("/psp", async (req, res) => {
  if (req.headers["content-type"] !== "application/json") {
    return res.status(415).end();
  }
  const signature = req.get("X-Psp-Signature");
  if (!signature || signature.length !== 64) {
    return res.status(400).json({ error: "malformed signature header" });
  }
  const expected = crypto.createHmac("sha256", config.webhookSecret).update(req.rawBody).digest("hex");
  if (signature !== expected) {
    return res.status(401).end();
  }
  await ledger.applyPaymentEvent(req.body);
  return res.status(204).end();
});

router.post("/bank", async (req, res) => {
  const header = req.get("X-Bank-Signature") || "";
  const expected = crypto.createHmac("sha256", config.bankWebhookSecret).update(req.rawBody).digest();
  const provided = Buffer.from(header, "base64");
  if (provided.length !== expected.length || !crypto.timingSafeEqual(provided, expected)) {
    return res.status(401).end();
  }
  if (Math.random() < config.webhookSampleRate) {
    logger.info({ provider: "bank", type: req.body.type, id: req.body.id }, "sampled webhook");
  }
  await ledger.applyBankEvent(req.body);
  return res.status(204).end();
});

router.get("/health", (req, res) => {
  res.json({ ok: true, providers: ["psp", "bank"] });
});

module.exports = router;
