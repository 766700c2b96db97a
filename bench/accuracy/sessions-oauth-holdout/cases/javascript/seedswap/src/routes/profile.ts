import { Router } from "express";
import argon2 from "argon2";
import { prisma } from "../db.js";

const router = Router();

router.use((req, res, next) => (req.user ? next() : res.status(401).json({ error: "sign in first" })));

router.get("/", async (req, res) => {
  const member = await prisma.member.findUnique({ where: { id: (req.user as { id: string }).id } });
  res.json({ displayName: member?.displayName, growingZone: member?.growingZone, bio: member?.bio });
});

router.post("/", async (req, res) => {
  const { displayName, growingZone, bio } = req.body ?? {};
  const member = await prisma.member.update({
    where: { id: (req.user as { id: string }).id },
    data: { displayName: String(displayName).slice(0, 80), growingZone: String(growingZone).slice(0, 8), bio: String(bio ?? "").slice(0, 2000) },
  });
  res.json({ displayName: member.displayName });
});

router.post("/email", async (req, res) => {
  const member = await prisma.member.findUnique({ where: { id: (req.user as { id: string }).id } });
  if (!member?.passwordHash || !(await argon2.verify(member.passwordHash, String(req.body.password)))) {
    return res.status(403).json({ error: "password required" });
  }
  await prisma.member.update({ where: { id: member.id }, data: { email: String(req.body.email).toLowerCase(), emailVerifiedAt: null } });
  res.status(202).json({ verificationSent: true });
});

router.delete("/", async (req, res) => {
  await prisma.member.update({ where: { id: (req.user as { id: string }).id }, data: { deletedAt: new Date() } });
  res.status(202).json({ scheduled: true });
});

export default router;
