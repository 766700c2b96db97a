import { Router } from "express";
import argon2 from "argon2";
import { one } from "../lib/db.js";
import { redis } from "../config.js";

const router = Router();

router.use((req, res, next) => (req.session.agent || req.session.agentId ? next() : res.redirect("/agent/login")));

const agentId = (req) => req.session.agent?.id ?? req.session.agentId;

router.get("/", async (req, res) => {
  const agent = await one("SELECT id, email, name, role, signature FROM agents WHERE id = $1", [agentId(req)]);
  res.render("account", { agent, saved: req.query });
});

router.post("/signature", async (req, res) => {
  await one("UPDATE agents SET signature = $2 WHERE id = $1", [agentId(req), String(req.body.signature ?? "").slice(0, 2000)]);
  res.redirect(303, "/account?signature=1");
});

router.post("/password", async (req, res) => {
  const hash = await argon2.hash(String(req.body.password), { type: argon2.argon2id });
  await one("UPDATE agents SET password_hash = $2 WHERE id = $1", [agentId(req), hash]);
  await one("UPDATE agent_tokens SET revoked_at = now() WHERE agent_id = $1 AND revoked_at IS NULL", [agentId(req)]);
  res.redirect(303, "/account?password=1");
});

router.post("/export", async (req, res) => {
  await redis.lPush("exports", JSON.stringify({ agentId: agentId(req), requestedAt: Date.now() }));
  res.redirect(303, "/account?export=queued");
});

router.post("/delete", async (req, res) => {
  await one("UPDATE agents SET active = false, deleted_at = now() WHERE id = $1", [agentId(req)]);
  req.session.destroy(() => res.redirect("/agent/login?deleted=1"));
});

export default router;
