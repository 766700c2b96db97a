import { Router } from "express";
import { one, many } from "../lib/db.js";

const router = Router();

router.use((req, res, next) => {
  if (req.session.agent?.role === "admin" || req.session.agentId) return next();
  return res.status(401).send("Sign in first");
});

router.get("/", async (req, res) => {
  res.render("macros", { macros: await many("SELECT id, title, body FROM macros ORDER BY title", []) });
});

router.post("/", async (req, res) => {
  const macro = await one("INSERT INTO macros (title, body) VALUES ($1, $2) RETURNING id", [
    String(req.body.title).slice(0, 120),
    String(req.body.body).slice(0, 10000),
  ]);
  res.redirect(303, `/macros#macro-${macro.id}`);
});

router.post("/:id", async (req, res) => {
  await one("UPDATE macros SET title = $2, body = $3, updated_at = now() WHERE id = $1", [
    req.params.id,
    String(req.body.title).slice(0, 120),
    String(req.body.body).slice(0, 10000),
  ]);
  res.redirect(303, `/macros#macro-${encodeURIComponent(req.params.id)}`);
});

router.post("/:id/delete", async (req, res) => {
  await one("DELETE FROM macros WHERE id = $1", [req.params.id]);
  res.redirect(303, "/macros?deleted=1");
});

export default router;
