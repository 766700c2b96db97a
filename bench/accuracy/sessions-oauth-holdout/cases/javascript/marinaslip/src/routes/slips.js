"use strict";

const express = require("express");
const db = require("../db");
const { requireLogin } = require("../middleware/requireLogin");

const router = express.Router();

router.get("/", async (req, res) => {
  const slips = await db("slips").where({ active: true }).orderBy(["pier", "number"]);
  res.render("slips", { slips });
});

router.post("/:slipId/bookings", requireLogin, async (req, res) => {
  const { arrival, departure, boatId } = req.body;
  const boat = await db("boats").where({ id: boatId, owner_id: req.user.id }).first();
  if (!boat) return res.status(400).render("error", { message: "Pick one of your boats." });

  const booking = await db.transaction(async (trx) => {
    const clash = await trx("bookings")
      .where({ slip_id: req.params.slipId })
      .andWhere("arrival", "<", departure)
      .andWhere("departure", ">", arrival)
      .forUpdate()
      .first();
    if (clash) return null;
    const [row] = await trx("bookings")
      .insert({ slip_id: req.params.slipId, boat_id: boat.id, member_id: req.user.id, arrival, departure })
      .returning("*");
    return row;
  });

  if (!booking) return res.status(409).render("error", { message: "Those nights are taken." });
  req.session.lastBookedSlip = booking.slip_id;
  return res.redirect(`/slips/${booking.slip_id}/bookings/${booking.id}`);
});

router.get("/:slipId/bookings/:bookingId", requireLogin, async (req, res) => {
  const booking = await db("bookings").where({ id: req.params.bookingId, member_id: req.user.id }).first();
  if (!booking) return res.status(404).render("error", { message: "No such booking." });
  res.render("booking", { booking });
});

module.exports = router;
