"use strict";

const crypto = require("crypto");
const express = require("express");
const db = require("../db");

const router = express.Router();
const TOLERANCE_SECONDS = 300;

function verifyStripeSignature(rawBody, header, secret) {
  const parts = Object.fromEntries(String(header || "").split(",").map((kv) => kv.split("=")));
  if (!parts.t || !parts.v1) return false;
  if (Math.abs(Date.now() / 1000 - Number(parts.t)) > TOLERANCE_SECONDS) return false;
  const expected = crypto.createHmac("sha256", secret).update(`${parts.t}.${rawBody}`).digest("hex");
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(parts.v1, "hex");
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

router.post("/", async (req, res) => {
  if (!verifyStripeSignature(req.body.toString("utf8"), req.get("Stripe-Signature"), process.env.STRIPE_WEBHOOK_SECRET)) {
    return res.status(400).send("bad signature");
  }
  const event = JSON.parse(req.body.toString("utf8"));
  if (event.type === "checkout.session.completed") {
    await db("bookings").where({ checkout_id: event.data.object.id }).update({ paid_at: db.fn.now() });
  }
  res.json({ received: true });
});

module.exports = router;
