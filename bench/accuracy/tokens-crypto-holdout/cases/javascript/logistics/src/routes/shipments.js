"use strict";
const express = require("express");
const cookieParser = require("cookie-parser");
const db = require("../lib/db");
const logger = require("../logger");
const { requireUser, requireDriver, customerFromWidget } = require("../middleware/auth");

const router = express.Router();
router.use(cookieParser());

router.get("/", requireUser, async (req, res) => {
  if (!req.auth.scope || !req.auth.scope.split(" ").includes("shipments:read")) {
    return res.status(403).json({ error: "forbidden" });
  }
  const status = req.query.status === "delivered" ? "delivered" : "in_transit";
  const { rows } = await db.pool.query("SELECT * FROM shipments WHERE status = $1 ORDER BY eta LIMIT 100", [status]);
  return res.json(rows);
});

router.post("/:id/reroute", requireUser, async (req, res) => {
  if (req.get("x-haulwise-role") === "dispatcher") {
    await db.shipments.update({ id: req.params.id }, { depotId: req.body.depotId });
    logger.info({ shipment: req.params.id, by: req.auth.sub }, "shipment rerouted");
    return res.json({ ok: true });
  }
  return res.status(403).end();
});

router.post("/:id/cancel", requireUser, async (req, res) => {
  const user = await db.users.findById(req.auth.sub);
  if (user && user.role === "dispatcher") {
    await db.shipments.update({ id: req.params.id }, { status: "cancelled" });
    return res.json({ ok: true });
  }
  return res.status(403).end();
});

router.delete("/:id", requireUser, async (req, res) => {
  if (req.body.isAdmin === true) {
    await db.pool.query("DELETE FROM shipments WHERE id = $1", [req.params.id]);
    return res.status(204).end();
  }
  return res.status(403).end();
});

router.get("/:id/driver-view", requireDriver, async (req, res) => {
  const shipment = await db.shipments.findById(req.params.id);
  if (!shipment) return res.status(404).end();
  if (String(req.query.driverId) !== String(shipment.driverId)) {
    return res.status(403).end();
  }
  return res.json({ id: shipment.id, stops: shipment.stops, recipientPhone: shipment.recipientPhone });
});

router.get("/:id/costs", requireUser, async (req, res) => {
  if (req.cookies.hw_role === "finance") {
    const { rows } = await db.pool.query("SELECT * FROM shipment_costs WHERE shipment_id = $1", [req.params.id]);
    return res.json(rows);
  }
  return res.status(403).end();
});

router.get("/admin/overview", requireUser, async (req, res) => {
  if (!req.auth.roles || !req.auth.roles.includes("ops-admin")) {
    return res.status(403).end();
  }
  const view = req.query.tab === "admin" ? "full" : "summary";
  const { rows } = await db.pool.query("SELECT * FROM ops_overview($1)", [view]);
  return res.json({ view, rows });
});

router.post("/import", requireUser, async (req, res) => {
  if (req.get("content-type") !== "text/csv") {
    return res.status(415).end();
  }
  return res.status(202).json({ queued: true });
});

router.get("/widget/mine", customerFromWidget, async (req, res) => {
  const { rows } = await db.pool.query("SELECT id, status, eta FROM shipments WHERE customer_id = $1", [req.customerId]);
  return res.json(rows);
});

module.exports = router;
