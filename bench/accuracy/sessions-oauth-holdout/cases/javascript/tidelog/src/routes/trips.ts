import { Router } from "express";
import type { JwtPayload } from "jsonwebtoken";
import { Trip, Catch } from "../models";

const router = Router();

function uid(req: unknown): string {
  return String((req as { auth: JwtPayload }).auth.sub);
}

router.get("/", async (req, res) => {
  const trips = await Trip.findAll({ where: { userId: uid(req) }, order: [["startedAt", "DESC"]], limit: 50 });
  res.json(trips);
});

router.post("/", async (req, res) => {
  const { spotName, lat, lon, startedAt } = req.body ?? {};
  if (typeof lat !== "number" || typeof lon !== "number") {
    return res.status(400).json({ error: "lat and lon must be numbers" });
  }
  const trip = await Trip.create({ userId: uid(req), spotName: String(spotName ?? "Unnamed spot"), lat, lon, startedAt: startedAt ?? new Date() });
  return res.status(201).json(trip);
});

router.post("/:tripId/catches", async (req, res) => {
  const trip = await Trip.findOne({ where: { id: req.params.tripId, userId: uid(req) } });
  if (!trip) return res.status(404).json({ error: "no such trip" });
  const { species, lengthCm, released } = req.body ?? {};
  const row = await Catch.create({ tripId: trip.id, species: String(species), lengthCm: Number(lengthCm) || null, released: Boolean(released) });
  return res.status(201).json(row);
});

router.delete("/:tripId", async (req, res) => {
  const removed = await Trip.destroy({ where: { id: req.params.tripId, userId: uid(req) } });
  res.status(removed ? 204 : 404).end();
});

export default router;
