import { Router } from "express";
import { z } from "zod";
import { prisma } from "../db.js";

const router = Router();

const basketItem = z.object({ varietyId: z.string().uuid(), packets: z.number().int().min(1).max(5) });

router.use((req, res, next) => {
  if (!req.user) return res.status(401).json({ error: "sign in first" });
  return next();
});

router.post("/basket", (req, res) => {
  const parsed = basketItem.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const basket = req.session.seedBasket ?? [];
  req.session.seedBasket = [...basket.filter((i) => i.varietyId !== parsed.data.varietyId), parsed.data];
  return res.json({ items: req.session.seedBasket.length });
});

router.post("/", async (req, res) => {
  const basket = req.session.seedBasket ?? [];
  if (basket.length === 0) return res.status(400).json({ error: "basket is empty" });
  const memberId = (req.user as { id: string }).id;
  const order = await prisma.$transaction(async (tx) => {
    for (const item of basket) {
      const stock = await tx.variety.update({
        where: { id: item.varietyId },
        data: { packetsAvailable: { decrement: item.packets } },
      });
      if (stock.packetsAvailable < 0) throw new Error(`out of stock: ${stock.name}`);
    }
    return tx.order.create({
      data: { memberId, lines: { create: basket.map((i) => ({ varietyId: i.varietyId, packets: i.packets })) } },
    });
  });
  delete req.session.seedBasket;
  return res.status(201).json(order);
});

router.get("/", async (req, res) => {
  const memberId = (req.user as { id: string }).id;
  const orders = await prisma.order.findMany({ where: { memberId }, orderBy: { createdAt: "desc" }, take: 20 });
  res.json(orders);
});

export default router;
