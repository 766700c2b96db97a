import { Router } from "express";
import jwt from "jsonwebtoken";
import argon2 from "argon2";
import { randomUUID } from "node:crypto";
import { db } from "../db.js";

/**
 * JSON API for the instructors' phone app (class rosters, kiln log).
 * Access tokens are bearer JWTs carrying the instructor's token_version.
 */
const api = Router();
const SECRET = process.env.INSTRUCTOR_JWT_SECRET;

const sign = (instructor) =>
  jwt.sign({ sub: String(instructor.id), ver: instructor.token_version }, SECRET, { expiresIn: "20m" });

async function newRefreshToken(instructorId, family = randomUUID()) {
  const token = randomUUID() + randomUUID();
  await db("instructor_refresh_tokens").insert({ token, family, instructor_id: instructorId, expires_at: new Date(Date.now() + 7 * 86400e3) });
  return token;
}

async function bearer(req, res, next) {
  const header = req.get("authorization") ?? "";
  try {
    const claims = jwt.verify(header.replace(/^Bearer\s+/i, ""), SECRET);
    const instructor = await db("instructors").where({ id: claims.sub }).first();
    if (!instructor || instructor.token_version !== claims.ver) return res.status(401).json({ error: "token revoked" });
    req.instructor = instructor;
    return next();
  } catch {
    return res.status(401).json({ error: "invalid token" });
  }
}

api.post("/login", async (req, res) => {
  const instructor = await db("instructors").where({ email: String(req.body.email ?? "").toLowerCase() }).first();
  if (!instructor || !(await argon2.verify(instructor.password_hash, String(req.body.password ?? "")))) {
    return res.status(401).json({ error: "wrong credentials" });
  }
  const refreshToken = await newRefreshToken(instructor.id);
  return res.json({ accessToken: sign(instructor), refreshToken });
});

// App 1.x: keeps the refresh token it was given at login.
api.post("/token/refresh", async (req, res) => {
  const { refreshToken } = req.body;
  const row = await db("instructor_refresh_tokens").where({ token: String(refreshToken) }).andWhere("expires_at", ">", new Date()).first();
  if (!row) return res.status(401).json({ error: "expired" });
  const instructor = await db("instructors").where({ id: row.instructor_id }).first();
  const accessToken = sign(instructor);
  return res.json({ accessToken, refreshToken });
});

// App 2.x: one-time refresh tokens.
api.post("/v2/token", async (req, res) => {
  const presented = String(req.body.refreshToken ?? "");
  const row = await db("instructor_refresh_tokens").where({ token: presented }).first();
  if (!row || row.expires_at < new Date()) return res.status(401).json({ error: "expired" });
  if (row.used_at) {
    await db("instructor_refresh_tokens").where({ family: row.family }).del();
    return res.status(401).json({ error: "reused" });
  }
  await db("instructor_refresh_tokens").where({ token: presented }).update({ used_at: db.fn.now() });
  const instructor = await db("instructors").where({ id: row.instructor_id }).first();
  const rotated = await newRefreshToken(instructor.id, row.family);
  return res.json({ accessToken: sign(instructor), refreshToken: rotated });
});

// Studio wall tablet signed in as an instructor.
api.post("/tablet/token", async (req, res) => {
  const row = await db("instructor_refresh_tokens").where({ token: String(req.body.refreshToken ?? "") }).first();
  if (!row || row.expires_at < new Date()) return res.status(401).json({ error: "expired" });
  const instructor = await db("instructors").where({ id: row.instructor_id }).first();
  const tabletRefresh = await newRefreshToken(instructor.id, row.family);
  return res.json({ accessToken: sign(instructor), refreshToken: tabletRefresh });
});

api.get("/roster/:classId", bearer, async (req, res) => {
  const roster = await db("enrolments").join("members", "members.id", "enrolments.member_id")
    .where({ class_id: req.params.classId }).select("members.display_name", "enrolments.status");
  res.json(roster);
});

api.post("/password", bearer, async (req, res) => {
  if (!(await argon2.verify(req.instructor.password_hash, String(req.body.current ?? "")))) {
    return res.status(403).json({ error: "current password is wrong" });
  }
  await db("instructors").where({ id: req.instructor.id }).update({ password_hash: await argon2.hash(String(req.body.next)), token_version: db.raw("token_version + 1") });
  await db("instructor_refresh_tokens").where({ instructor_id: req.instructor.id }).del();
  return res.status(204).end();
});

api.post("/logout", bearer, async (_req, res) => {
  return res.json({ ok: true, message: "Delete your stored tokens." });
});

export default api;
