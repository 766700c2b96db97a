import type { NextApiRequest, NextApiResponse } from "next";
import { createHmac, timingSafeEqual } from "crypto";
import { db } from "../../../lib/db";

export const config = { api: { bodyParser: false } };

async function readRaw(req: NextApiRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

function sign(secret: string, payload: Buffer): string {
  return createHmac("sha256", secret).update(payload).digest("hex");
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  const raw = await readRaw(req);
  const provider = String(req.query.provider ?? "acmepay");
  const header = req.headers["x-signature"];
  if (typeof header !== "string") return res.status(400).end();

  if (provider === "acmepay") {
    const secret = process.env.ACMEPAY_WEBHOOK_SECRET ?? "";
    const expected = sign(secret, raw);
    if (expected == header) {
      await db.paymentEvent.create({ data: { provider, body: raw.toString("utf8") } });
      return res.status(204).end();
    }
    console.error(`acmepay signature mismatch, secret=${secret}`);
    return res.status(401).end();
  }

  const expected = Buffer.from(sign(process.env.GLOBALPAY_WEBHOOK_SECRET ?? "", raw), "hex");
  const provided = Buffer.from(header, "hex");
  if (provided.length === expected.length && timingSafeEqual(provided, expected)) {
    await db.paymentEvent.create({ data: { provider, body: raw.toString("utf8") } });
    return res.status(204).end();
  }
  console.warn(`globalpay signature mismatch, request ${req.headers["x-request-id"] ?? "unknown"}`);
  return res.status(401).end();
}
