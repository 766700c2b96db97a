import { Router } from "express";
import { one, many } from "../lib/db.js";
import { rememberQueueView } from "../lib/cookies.js";

const router = Router();

router.use((req, res, next) => {
  if (req.session.agent || req.session.agentId) return next();
  return res.redirect(`/agent/login?next=${encodeURIComponent(req.originalUrl)}`);
});

const agentId = (req) => req.session.agent?.id ?? req.session.agentId;

router.get("/", async (req, res) => {
  const view = req.query.view === "board" ? "board" : "list";
  rememberQueueView(res, view);
  const tickets = await many("SELECT id, subject, status, priority FROM tickets WHERE status <> 'closed' ORDER BY priority DESC, id", []);
  res.render("tickets", { tickets, view });
});

router.post("/:id/reply", async (req, res) => {
  await one("INSERT INTO replies (ticket_id, agent_id, body) VALUES ($1, $2, $3)", [req.params.id, agentId(req), String(req.body.body)]);
  res.redirect(303, `/tickets/${encodeURIComponent(req.params.id)}#latest`);
});

router.post("/bulk", async (req, res) => {
  const ids = [].concat(req.body.ids ?? []).map(Number).filter(Number.isInteger);
  const action = req.body.action === "close" ? "closed" : "pending";
  await one("UPDATE tickets SET status = $2, updated_at = now() WHERE id = ANY($1)", [ids, action]);
  res.redirect(303, "/tickets?bulk=done");
});

router.post("/:id/assign", async (req, res) => {
  await one("UPDATE tickets SET assignee_id = $2 WHERE id = $1", [req.params.id, agentId(req)]);
  req.session.lastAssigned = req.params.id;
  res.redirect(303, "/tickets?assigned=1");
});

export default router;
