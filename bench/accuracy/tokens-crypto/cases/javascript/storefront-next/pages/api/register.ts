import type { NextApiRequest, NextApiResponse } from "next";
import { createHash, randomBytes, scryptSync } from "crypto";
import bcrypt from "bcryptjs";
import { db } from "../../lib/db";

const LEGACY_SALT = process.env.LEGACY_PASSWORD_SALT ?? "";
type Strategy = "bcrypt" | "scrypt" | "legacy";

function legacyDigest(password: string): string {
  return createHash("sha512").update(`${LEGACY_SALT}:${password}`).digest("hex");
}

function scryptHash(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });
  return `scrypt:${salt.toString("hex")}:${hash.toString("hex")}`;
}

async function hashFor(strategy: Strategy, password: string): Promise<string> {
  if (strategy === "legacy") return legacyDigest(password);
  if (strategy === "scrypt") return scryptHash(password);
  return bcrypt.hash(password, await bcrypt.genSalt());
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") return res.status(405).end();
  const { email, password, marketingOptIn } = req.body ?? {};
  if (typeof email !== "string" || !email.includes("@")) {
    return res.status(400).json({ error: "invalid_email" });
  }
  if (typeof password !== "string" || password.length < 10) {
    return res.status(400).json({ error: "weak_password" });
  }
  const existing = await db.customer.findUnique({ where: { email: email.toLowerCase() } });
  if (existing) return res.status(409).json({ error: "exists" });

  const strategy = (process.env.PASSWORD_STRATEGY as Strategy) ?? "bcrypt";
  const passwordHash = await hashFor(strategy, password);
  const customer = await db.customer.create({
    data: { email: email.toLowerCase(), passwordHash, marketingOptIn: Boolean(marketingOptIn) },
  });
  console.info(`customer ${customer.id} registered, hash algorithm=${strategy}`);
  return res.status(201).json({ id: customer.id, email: customer.email });
}
