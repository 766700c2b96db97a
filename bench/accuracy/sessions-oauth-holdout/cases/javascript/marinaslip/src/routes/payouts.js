"use strict";

const express = require("express");
const passport = require("passport");
const db = require("../db");
const { requireLogin, requireRole } = require("../middleware/requireLogin");

const router = express.Router();
router.use(requireLogin, requireRole("operator"));

router.get("/", async (req, res) => {
  const payouts = await db("payouts").where({ operator_id: req.user.id }).orderBy("created_at", "desc").limit(50);
  res.render("payouts", { payouts });
});

router.get("/connect", passport.authorize("harborpay", { scope: ["payouts:write"] }));

router.get("/connect/callback", passport.authorize("harborpay", { failureMessage: true }), async (req, res) => {
  await db("operator_accounts")
    .insert({ operator_id: req.user.id, harborpay_account: req.account.accountId, refresh_token: req.account.refreshToken })
    .onConflict("operator_id")
    .merge();
  res.render("payouts-connected");
});

router.post("/schedule", async (req, res) => {
  const { weekday } = req.body;
  if (!["mon", "tue", "wed", "thu", "fri"].includes(weekday)) return res.status(400).json({ error: "weekday" });
  await db("operator_accounts").where({ operator_id: req.user.id }).update({ payout_weekday: weekday });
  res.json({ weekday });
});

module.exports = router;
