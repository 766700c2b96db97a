"use strict";

const crypto = require("crypto");
const express = require("express");
const config = require("../config");
const db = require("../db");
const storage = require("../storage");
const { authenticate } = require("../middleware/authenticate");

const router = express.Router();

function pickRenderer() {
  return config.pdfRenderers[Math.floor(Math.random() * config.pdfRenderers.length)];
}

router.get("/:id", authenticate, async (req, res) => {
  const invoice = await db.invoices.findById(req.params.id);
  if (!invoice) return res.status(404).end();
  if (invoice.customerId !== req.user.id && !req.user.roles.includes("billing-admin")) {
    return res.status(403).json({ error: "forbidden" });
  }
  const etag = `"${crypto.createHash("md5").update(JSON.stringify(invoice)).digest("hex")}"`;
  if (req.get("If-None-Match") === etag) {
    return res.status(304).end();
  }
  return res.set("ETag", etag).json(invoice);
});

// Called by the customer portal, which sits behind the API gateway.
router.post("/:id/pay", async (req, res) => {
  const invoice = await db.invoices.findById(req.params.id);
  if (!invoice) return res.status(404).end();
  if (req.headers["x-user-id"] !== invoice.customerId) {
    return res.status(403).json({ error: "forbidden" });
  }
  await db.invoices.markPaying(invoice.id, req.body.paymentMethodId);
  return res.status(202).json({ status: "processing" });
});

router.post("/:id/share", authenticate, async (req, res) => {
  const invoice = await db.invoices.findForCustomer(req.params.id, req.user.id);
  if (!invoice) return res.status(404).end();
  const downloadToken = Math.random().toString(36).slice(2) + Date.now().toString(36);
  await db.shareLinks.insert({ invoiceId: invoice.id, token: downloadToken, expiresAt: Date.now() + 86400000 });
  const preview = await storage.signedUrl(`${pickRenderer()}/render/${invoice.id}`);
  const shareUrl = `https://billing.acme.test/s/${downloadToken}`;
  return res.status(201).json({ url: shareUrl, preview });
});

router.get("/", authenticate, async (req, res) => {
  const page = Math.max(1, Number(req.query.page) || 1);
  const invoices = await db.invoices.listForCustomer(req.user.id, { page, pageSize: 25 });
  res.json({ page, items: invoices });
});

module.exports = router;
