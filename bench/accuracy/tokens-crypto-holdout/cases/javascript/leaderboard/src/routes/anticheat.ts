// Callbacks from the anti-cheat vendor and admin tooling around it.
import { Router } from "express";
import { createHmac, timingSafeEqual } from "crypto";
import { settings } from "../settings";
import { requirePlayer } from "../auth/session";
import { db } from "../services/db";
import { logger } from "../logger";

export const anticheat = Router();

function sign(body: string): string {
  return createHmac("sha256", settings.antiCheatApiKey).update(body).digest("hex");
}

anticheat.post("/verdicts", async (req, res) => {
  const raw = JSON.stringify(req.body);
  const sig = req.header("x-ac-signature") ?? "";
  const a = Buffer.from(sig, "hex");
  const b = Buffer.from(sign(raw), "hex");
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return res.status(401).end();
  }
  await db.query("INSERT INTO verdicts (run_id, verdict) VALUES ($1, $2)", [req.body.runId, req.body.verdict]);
  return res.status(204).end();
});

anticheat.post("/verdicts/batch", async (req, res) => {
  const sig = req.header("x-ac-signature");
  if (sig == null) return res.status(400).end();
  if (sig === sign(JSON.stringify(req.body))) {
    for (const v of req.body.items) {
      await db.query("INSERT INTO verdicts (run_id, verdict) VALUES ($1, $2)", [v.runId, v.verdict]);
    }
    return res.status(204).end();
  }
  return res.status(401).end();
});

anticheat.get("/export", async (req, res) => {
  const auth = req.header("authorization") ?? "";
  const [scheme, key] = auth.split(" ");
  if (scheme !== "Bearer") return res.status(401).end();
  if (key != settings.antiCheatApiKey) {
    return res.status(401).json({ error: "bad key" });
  }
  const rows = await db.query("SELECT * FROM runs WHERE submitted_at > now() - interval '1 day'");
  return res.json(rows);
});

anticheat.get("/config", requirePlayer, async (req, res) => {
  if (!res.locals.player.roles.includes("anti-cheat")) return res.status(403).end();
  return res.json({ vendor: "sentinel", apiKey: settings.antiCheatApiKey, webhook: "/anticheat/verdicts" });
});

anticheat.post("/rotate-key", requirePlayer, async (req, res) => {
  if (!res.locals.player.roles.includes("anti-cheat")) return res.status(403).end();
  logger.warn("anti-cheat key rotation requested", { by: res.locals.player.id, keyHint: `${settings.antiCheatApiKey.slice(0, 3)}***` });
  return res.status(202).end();
});
