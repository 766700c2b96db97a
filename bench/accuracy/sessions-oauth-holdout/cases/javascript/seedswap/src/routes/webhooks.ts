import { Router } from "express";
import { createHmac, timingSafeEqual } from "node:crypto";
import { prisma } from "../db.js";

const router = Router();

function validSignature(raw: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", process.env.SHIPPING_WEBHOOK_SECRET!).update(raw).digest();
  const given = Buffer.from(header.replace(/^sha256=/, ""), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

router.post("/shipping", async (req, res) => {
  if (!validSignature(req.body as Buffer, req.get("X-Parcel-Signature"))) {
    return res.status(401).json({ error: "bad signature" });
  }
  const event = JSON.parse((req.body as Buffer).toString("utf8")) as { orderId: string; status: string };
  await prisma.order.update({ where: { id: event.orderId }, data: { shippingStatus: event.status } });
  return res.json({ ok: true });
});

export default router;
