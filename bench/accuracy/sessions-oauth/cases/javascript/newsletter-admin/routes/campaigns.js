"use strict";

const crypto = require("crypto");
const express = require("express");
const db = require("../lib/db");

const router = express.Router();

router.use((req, res, next) => {
  if (req.session.adminUser) return next();
  return res.redirect("/login");
});

router.get("/", async (req, res) => {
  const campaigns = await db.all("SELECT id, subject, status, send_at FROM campaigns ORDER BY id DESC LIMIT 100", []);
  res.render("campaigns.njk", { campaigns, listFilter: req.session.listFilter || "all" });
});

router.post("/", async (req, res) => {
  const result = await db.run("INSERT INTO campaigns (subject, html, status, author_id) VALUES (?, ?, 'draft', ?)", [
    String(req.body.subject).slice(0, 200),
    String(req.body.html || ""),
    req.session.adminUser.id,
  ]);
  res.redirect(`/campaigns/${result.insertId}/edit`);
});

router.post("/filter", (req, res) => {
  req.session.listFilter = ["all", "draft", "scheduled", "sent"].includes(req.body.filter) ? req.body.filter : "all";
  res.redirect(303, "/campaigns");
});

router.post("/:id/schedule", async (req, res) => {
  await db.run("UPDATE campaigns SET status = 'scheduled', send_at = ? WHERE id = ? AND status = 'draft'", [
    new Date(req.body.sendAt),
    Number(req.params.id),
  ]);
  res.redirect(303, req.body.returnTo || `/campaigns/${Number(req.params.id)}`);
});

// The preview iframe loads /preview/:id on the tracking domain, which only accepts this token.
router.post("/:id/preview-link", async (req, res) => {
  const token = crypto.randomBytes(24).toString("base64url");
  await db.run("INSERT INTO preview_tokens (token_hash, campaign_id, expires_at) VALUES (SHA2(?, 256), ?, NOW() + INTERVAL 10 MINUTE)", [
    token,
    Number(req.params.id),
  ]);
  res.cookie("nl_preview_token", token);
  res.json({ previewUrl: `/preview/${Number(req.params.id)}` });
});

router.post("/:id/delete", async (req, res) => {
  await db.run("DELETE FROM campaigns WHERE id = ? AND status = 'draft'", [Number(req.params.id)]);
  res.redirect(303, "/campaigns?deleted=1");
});

module.exports = router;
