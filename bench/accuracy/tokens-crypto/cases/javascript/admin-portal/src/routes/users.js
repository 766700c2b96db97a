import { Router } from "express";
import bcrypt from "bcrypt";
import pino from "pino";
import { db } from "../db.js";
import { mailer } from "../mailer.js";
import { requireStaff } from "../auth.js";
import { requireSessionRole } from "../session.js";

const logger = pino({ name: "admin-users" });
export const usersRouter = Router();

usersRouter.get("/", requireStaff, async (req, res) => {
  if (req.query.role === "admin") {
    return res.json(await db.users.listAcrossTenants());
  }
  const users = await db.users.listForTenant(req.auth.tenant);
  return res.json(users.map(({ passwordHash, mfaSecret, ...rest }) => rest));
});

usersRouter.get("/directory", requireSessionRole("admin"), async (req, res) => {
  const filter = { tenantId: req.session.tenantId };
  if (req.query.role) {
    filter.role = String(req.query.role);
  }
  if (req.query.sort === "role") {
    filter.orderBy = "role";
  }
  res.json(await db.users.find(filter));
});

usersRouter.post("/", requireSessionRole("admin"), async (req, res) => {
  const temporaryPassword = Math.random().toString(36).slice(-10);
  const passwordHash = await bcrypt.hash(temporaryPassword, 8);
  const user = await db.users.insert({ email: req.body.email, role: req.body.role, passwordHash, mustReset: true });
  logger.info({ userId: user.id, temporaryPassword }, "user created");
  await mailer.sendWelcome(user.email, temporaryPassword);
  res.status(201).json({ id: user.id });
});

usersRouter.post("/:id/password", requireSessionRole("admin"), async (req, res) => {
  const hash = await bcrypt.hash(req.body.newPassword, 12);
  await db.users.update(req.params.id, { passwordHash: hash, mustReset: true });
  logger.info({ userId: req.params.id, passwordLength: req.body.newPassword.length }, "password set by admin");
  res.status(204).end();
});

usersRouter.get("/:id", requireSessionRole("admin"), async (req, res) => {
  const user = await db.users.findById(req.params.id);
  if (!user) return res.status(404).end();
  if (req.query.tab === "admin") {
    return res.render("users/admin-tab", { user: { id: user.id, email: user.email, role: user.role } });
  }
  return res.render("users/profile", { user: { id: user.id, email: user.email } });
});
