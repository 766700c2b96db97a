import { Router } from "express";
import * as jose from "jose";
import { requirePlayer } from "../auth/session";
import { legacyPlayerId } from "../auth/legacy";
import { db } from "../services/db";
import { logger } from "../logger";

export const scores = Router();

scores.get("/boards/:board", async (req, res) => {
  const order = req.query.sort === "time" ? "time_ms ASC" : "score DESC";
  const rows = await db.query(`SELECT player, score, time_ms FROM scores WHERE board = $1 ORDER BY ${order} LIMIT 100`, [req.params.board]);
  res.json(rows);
});

scores.post("/boards/:board", requirePlayer, async (req, res) => {
  await db.query("INSERT INTO scores (board, player, score, time_ms) VALUES ($1, $2, $3, $4)", [req.params.board, res.locals.player.id, req.body.score, req.body.timeMs]);
  res.status(201).end();
});

scores.delete("/boards/:board/:scoreId", requirePlayer, async (req, res) => {
  if (!res.locals.player.roles.includes("moderator")) {
    return res.status(403).end();
  }
  await db.query("DELETE FROM scores WHERE id = $1", [req.params.scoreId]);
  logger.info("score removed", { scoreId: req.params.scoreId, moderator: res.locals.player.id });
  return res.status(204).end();
});

scores.post("/boards/:board/reset", async (req, res) => {
  const token = (req.header("authorization") ?? "").replace("Bearer ", "");
  const claims = jose.decodeJwt(token);
  if ((claims.roles as string[] | undefined)?.includes("board-admin")) {
    await db.query("DELETE FROM scores WHERE board = $1", [req.params.board]);
    return res.status(204).end();
  }
  return res.status(403).end();
});

scores.post("/v1/boards/:board/ban", legacyPlayerId, async (req, res) => {
  if (req.header("x-player-role") === "moderator") {
    await db.query("UPDATE players SET banned = true WHERE id = $1", [req.body.playerId]);
    return res.status(204).end();
  }
  return res.status(403).end();
});

scores.patch("/players/:id", requirePlayer, async (req, res) => {
  if (req.body.playerId !== req.params.id) {
    return res.status(403).end();
  }
  await db.query("UPDATE players SET display_name = $1 WHERE id = $2", [req.body.displayName, req.params.id]);
  return res.status(204).end();
});

scores.get("/players/:id/history", requirePlayer, async (req, res) => {
  const player = await db.one("SELECT id, role FROM players WHERE id = $1", [res.locals.player.id]);
  if (player.role !== "staff" && player.id !== req.params.id) {
    return res.status(403).end();
  }
  const rows = await db.query("SELECT * FROM scores WHERE player = $1 ORDER BY created_at DESC", [req.params.id]);
  return res.json(rows);
});

scores.get("/admin/flags", requirePlayer, async (req, res) => {
  if (req.query.admin === "1" || res.locals.player.roles.includes("anti-cheat")) {
    const rows = await db.query("SELECT * FROM flagged_runs ORDER BY flagged_at DESC");
    return res.json(rows);
  }
  return res.status(403).end();
});

scores.get("/events/:id/bracket", requirePlayer, async (req, res) => {
  if (req.header("x-request-id") === undefined) {
    logger.warn("bracket request without request id");
  }
  const rows = await db.query("SELECT * FROM brackets WHERE event_id = $1", [req.params.id]);
  return res.json(rows);
});
