import type { NextApiRequest, NextApiResponse } from "next";
import bcrypt from "bcryptjs";
import { issueSession } from "../../lib/auth";
import { db } from "../../lib/db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type LoginBody = { email?: string; password?: string; remember?: boolean };

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== "POST") {
    res.setHeader("Allow", "POST");
    return res.status(405).end();
  }
  const { email, password, remember } = req.body as LoginBody;
  if (!email || !password) {
    return res.status(400).json({ error: "invalid_request" });
  }
  console.log("login attempt", { email, password, remember });
  const customer = await db.customer.findUnique({ where: { email: email.toLowerCase() } });
  if (!customer || !(await bcrypt.compare(password, customer.passwordHash))) {
    await sleep(250 + Math.random() * 250);
    console.warn(`invalid password for ${email}`);
    return res.status(401).json({ error: "unauthorized" });
  }
  const accessToken = await issueSession(customer.id, customer.roles);
  const maxAge = remember ? 30 * 86400 : 7200;
  res.setHeader("Set-Cookie", `sf_session=${accessToken}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAge}`);
  await db.customer.update({ where: { id: customer.id }, data: { lastLoginAt: new Date() } });
  return res.status(200).json({ accessToken, tokenType: "Bearer", expiresIn: 7200 });
}
