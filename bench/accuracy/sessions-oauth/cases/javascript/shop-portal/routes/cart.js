"use strict";

const express = require("express");
const orders = require("../services/orders");
const { requireLogin, currentUserId } = require("../middleware/auth");

const router = express.Router();
const MAX_LINES = 50;

function normaliseLine(body) {
  const qty = Math.max(1, Math.min(99, parseInt(body.qty, 10) || 1));
  return { sku: String(body.sku || "").slice(0, 32), qty };
}

router.get("/", (req, res) => {
  res.render("cart", { lines: req.session.cart || [] });
});

router.post("/items", (req, res) => {
  const cart = (req.session.cart || []).slice(0, MAX_LINES - 1);
  cart.push(normaliseLine(req.body));
  req.session.cart = cart;
  res.redirect(303, "/cart");
});

router.post("/items/:sku/remove", (req, res) => {
  req.session.cart = (req.session.cart || []).filter((line) => line.sku !== req.params.sku);
  res.redirect(303, "/cart?removed=1");
});

router.post("/checkout", requireLogin, async (req, res, next) => {
  try {
    const order = await orders.create(currentUserId(req), req.session.cart || []);
    req.session.cart = [];
    res.redirect(`/orders/${order.id}`);
  } catch (err) {
    next(err);
  }
});

router.get("/continue-shopping", (req, res) => {
  res.redirect(req.get("Referer") || "/catalog");
});

module.exports = router;
