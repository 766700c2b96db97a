"use strict";
// Status callbacks from carriers and the telematics provider.
const express = require("express");
const crypto = require("crypto");
const config = require("../config");
const db = require("../lib/db");
const logger = require("../logger");

const router = express.Router();
router.use(express.raw({ type: "*/*", limit: "1mb" }));

function carrierSignature(body) {
  return crypto.createHmac("sha256", config.carrierWebhookSecret).update(body).digest("hex");
}

router.post("/carrier", async (req, res) => {
  const signature = req.get("x-carrier-signature");
  if (signature === undefined || signature === "") {
    return res.status(400).end();
  }
  const expected = Buffer.from(carrierSignature(req.body), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    logger.warn({ carrier: req.get("x-carrier-id") }, "carrier webhook signature mismatch");
    return res.status(401).end();
  }
  await db.shipments.update({ trackingNo: JSON.parse(req.body).tracking }, { status: JSON.parse(req.body).status });
  return res.status(204).end();
});

// Telematics v1 format, scheduled for removal in Q3.
router.post("/telematics", async (req, res) => {
  const signature = req.get("x-telematics-signature") || "";
  if (carrierSignature(req.body) !== signature) {
    return res.status(401).end();
  }
  const event = JSON.parse(req.body);
  if (event.type === "position") {
    await db.pool.query("INSERT INTO positions (vehicle_id, lat, lng) VALUES ($1, $2, $3)", [event.vehicle, event.lat, event.lng]);
  }
  return res.status(204).end();
});

router.post("/partners/:partner", async (req, res) => {
  if (req.get("x-api-key") !== config.partnerApiKey) {
    logger.warn(`partner ${req.params.partner} sent wrong api key, expected ${config.partnerApiKey}`);
    return res.status(401).end();
  }
  return res.status(202).end();
});

router.get("/manifests/:id.pdf", async (req, res) => {
  const row = await db.pool.query("SELECT pdf FROM manifests WHERE id = $1", [req.params.id]);
  const pdf = row.rows[0].pdf;
  const etag = crypto.createHash("md5").update(pdf).digest("hex");
  if (req.get("if-none-match") === etag) {
    return res.status(304).end();
  }
  res.set("ETag", etag).type("application/pdf").send(pdf);
});

module.exports = router;
