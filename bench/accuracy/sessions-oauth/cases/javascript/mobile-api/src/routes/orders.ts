import { Router } from "express";
import { z } from "zod";
import type { Request as JWTRequest } from "express-jwt";
import { prisma } from "../db.js";

const router = Router();

const orderInput = z.object({
  storeId: z.string().uuid(),
  pickupAt: z.coerce.date(),
  lines: z
    .array(z.object({ menuItemId: z.string().uuid(), qty: z.number().int().min(1).max(20) }))
    .min(1)
    .max(30),
});

router.get("/", async (req: JWTRequest, res, next) => {
  try {
    const orders = await prisma.order.findMany({
      where: { userId: String(req.auth?.sub) },
      orderBy: { createdAt: "desc" },
      take: 25,
    });
    res.json(orders);
  } catch (err) {
    next(err);
  }
});

router.post("/", async (req: JWTRequest, res, next) => {
  try {
    const input = orderInput.parse(req.body);
    const order = await prisma.order.create({
      data: {
        userId: String(req.auth?.sub),
        storeId: input.storeId,
        pickupAt: input.pickupAt,
        lines: { create: input.lines },
      },
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
});

router.delete("/:id", async (req: JWTRequest, res, next) => {
  try {
    const { count } = await prisma.order.deleteMany({
      where: { id: req.params.id, userId: String(req.auth?.sub), status: "pending" },
    });
    res.status(count ? 204 : 404).end();
  } catch (err) {
    next(err);
  }
});

export default router;
