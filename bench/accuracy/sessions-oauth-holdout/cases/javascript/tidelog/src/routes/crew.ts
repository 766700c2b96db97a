import { Router } from "express";
import type { JwtPayload } from "jsonwebtoken";
import { CrewMember, Trip } from "../models";
import { requireCaptain } from "../auth/guard";

const router = Router();

router.get("/:tripId", async (req, res) => {
  const crew = await CrewMember.findAll({ where: { tripId: req.params.tripId } });
  res.json(crew);
});

router.post("/:tripId", requireCaptain, async (req, res) => {
  const captainId = String((req as unknown as { auth: JwtPayload }).auth.sub);
  const trip = await Trip.findOne({ where: { id: req.params.tripId, userId: captainId } });
  if (!trip) return res.status(404).json({ error: "no such trip" });
  const member = await CrewMember.create({ tripId: trip.id, userId: String(req.body.userId), role: "deckhand" });
  return res.status(201).json(member);
});

export default router;
