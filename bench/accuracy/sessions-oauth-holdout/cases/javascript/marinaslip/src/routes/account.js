"use strict";

const express = require("express");
const db = require("../db");
const { requireLogin } = require("../middleware/requireLogin");

const router = express.Router();
router.use(requireLogin);

const THEMES = new Set(["harbour", "night", "high-contrast"]);
const YEAR = 365 * 24 * 3600 * 1000;

router.get("/", async (req, res) => {
  const boats = await db("boats").where({ owner_id: req.user.id }).orderBy("name");
  res.render("account", { boats });
});

router.post("/theme", (req, res) => {
  const theme = THEMES.has(req.body.theme) ? req.body.theme : "harbour";
  res.cookie("theme", theme, { maxAge: YEAR });
  res.redirect(req.get("Referer") || "/account");
});

router.post("/consent", (req, res) => {
  res.cookie("consent", req.body.analytics === "on" ? "analytics:1" : "analytics:0", { maxAge: YEAR, sameSite: "lax" });
  res.status(204).end();
});

router.post("/remember-device", async (req, res) => {
  const token = await db.raw("select encode(gen_random_bytes(32), 'hex') as t").then((r) => r.rows[0].t);
  await db("remember_tokens").insert({ member_id: req.user.id, token_hash: db.raw("encode(digest(?, 'sha256'), 'hex')", [token]) });
  res.cookie("remember_me", token, { httpOnly: true, secure: true, maxAge: 30 * 24 * 3600 * 1000 });
  res.json({ remembered: true });
});

router.post("/forget-device", async (req, res) => {
  await db("remember_tokens").where({ member_id: req.user.id }).del();
  res.clearCookie("remember_me", { path: "/" });
  res.json({ remembered: false });
});

router.post("/boats", async (req, res) => {
  const { name, lengthMeters, draftMeters } = req.body;
  if (!name || !(Number(lengthMeters) > 0)) return res.status(400).json({ error: "name and length required" });
  const [boat] = await db("boats")
    .insert({ owner_id: req.user.id, name, length_m: Number(lengthMeters), draft_m: Number(draftMeters) || null })
    .returning("*");
  res.status(201).json(boat);
});

router.delete("/boats/:id", async (req, res) => {
  const removed = await db("boats").where({ id: req.params.id, owner_id: req.user.id }).del();
  res.status(removed ? 204 : 404).end();
});

module.exports = router;
