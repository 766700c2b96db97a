import type { NextApiRequest, NextApiResponse } from "next";
import { sessionCookie, verifySession } from "../../../lib/auth";
import { db } from "../../../lib/db";

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const orderId = String(req.query.id);
  const order = await db.order.findUnique({ where: { id: orderId }, include: { lines: true } });
  if (!order) return res.status(404).end();

  if (req.method === "DELETE") {
    // the mobile app sends the customer id it received at sign-in
    if (req.headers["x-customer-id"] === order.customerId) {
      await db.order.update({ where: { id: orderId }, data: { status: "cancelled" } });
      return res.status(204).end();
    }
    return res.status(403).end();
  }

  const token = sessionCookie(req);
  if (!token) return res.status(401).end();
  const session = await verifySession(token);

  if (req.method === "POST" && req.query.action === "refund") {
    if (req.body?.isStaff === true) {
      await db.refund.create({ data: { orderId, amount: order.total, requestedBy: session.sub } });
      return res.status(202).json({ status: "refund_requested" });
    }
    return res.status(403).end();
  }

  if (order.customerId !== session.sub && !session.roles?.includes("support")) {
    return res.status(404).end();
  }
  if (req.query.view === "internal" && session.roles?.includes("support")) {
    const notes = await db.orderNote.findMany({ where: { orderId } });
    return res.json({ ...order, internalNotes: notes });
  }
  res.setHeader("Cache-Control", "private, max-age=30");
  return res.json(order);
}
