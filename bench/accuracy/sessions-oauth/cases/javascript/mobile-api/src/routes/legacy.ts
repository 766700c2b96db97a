import { Router } from "express";
import type { Request as JWTRequest } from "express-jwt";
import { prisma } from "../db.js";

/** Read-mostly endpoints kept for app versions < 5.0. */
const router = Router();

router.get("/me", async (req: JWTRequest, res, next) => {
  try {
    const user = await prisma.user.findUnique({
      where: { id: String(req.auth?.uid) },
      select: { id: true, email: true, displayName: true },
    });
    if (!user) return res.status(404).json({ error: "not_found" });
    return res.json(user);
  } catch (err) {
    return next(err);
  }
});

router.get("/orders", async (req: JWTRequest, res, next) => {
  try {
    res.json(await prisma.order.findMany({ where: { userId: String(req.auth?.uid) }, take: 10 }));
  } catch (err) {
    next(err);
  }
});

router.post("/orders/:id/cancel", async (req: JWTRequest, res, next) => {
  try {
    await prisma.order.updateMany({
      where: { id: req.params.id, userId: String(req.auth?.uid), status: "pending" },
      data: { status: "cancelled" },
    });
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

export default router;
