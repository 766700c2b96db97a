import express from "express";
import session from "express-session";
import argon2 from "argon2";
import { baseSession, sessionCookie } from "../config/session.js";
import { db } from "../db.js";

/**
 * Staff console, served on the studio's LAN at :3100. Runs as its own
 * Express app so it can be firewalled separately.
 */
const adminApp = express();
adminApp.set("view engine", "ejs");
adminApp.use(express.urlencoded({ extended: false }));

adminApp.use(session({
  ...baseSession,
  name: "kiln.admin.sid",
  cookie: { ...sessionCookie, secure: false },
}));

function requireStaff(req, res, next) {
  if (req.session.staffId) return next();
  return res.status(401).render("admin/login", { error: null });
}

adminApp.post("/login", async (req, res, next) => {
  const staff = await db("staff").where({ username: String(req.body.username ?? "") }).first();
  if (!staff || !(await argon2.verify(staff.password_hash, String(req.body.password ?? "")))) {
    return res.status(401).render("admin/login", { error: "Wrong username or password" });
  }
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.staffId = staff.id;
    res.render("admin/dashboard", { staff });
  });
});

adminApp.post("/kilns/:kilnId/firings", requireStaff, async (req, res) => {
  const { program, coneTarget, startsAt } = req.body;
  const [firing] = await db("firings")
    .insert({ kiln_id: req.params.kilnId, program, cone_target: coneTarget, starts_at: startsAt, booked_by: req.session.staffId })
    .returning("*");
  res.status(201).render("admin/firing", { firing });
});

adminApp.post("/members/:id/credits", requireStaff, async (req, res) => {
  const credits = Number.parseInt(req.body.credits, 10);
  if (!Number.isFinite(credits)) return res.status(400).render("admin/error", { message: "credits must be a number" });
  await db("members").where({ id: req.params.id }).increment("class_credits", credits);
  res.status(204).end();
});

adminApp.post("/tab", requireStaff, (req, res) => {
  res.cookie("last_seen_tab", String(req.body.tab ?? "firings"), { maxAge: 30 * 86400 * 1000 });
  res.status(204).end();
});

adminApp.listen(3100, "0.0.0.0");
