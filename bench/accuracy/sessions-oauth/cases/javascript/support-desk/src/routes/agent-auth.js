import crypto from "node:crypto";
import { Router } from "express";
import argon2 from "argon2";
import { one } from "../lib/db.js";
import { publicUrl } from "../config.js";
import { setAuthCookie, setDesktopToken } from "../lib/cookies.js";

const router = Router();
const THIRTY_DAYS = 30 * 24 * 60 * 60 * 1000;

const sha256 = (value) => crypto.createHash("sha256").update(String(value)).digest("hex");

function establishSession(req, agent) {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err);
      req.session.agent = { id: agent.id, role: agent.role };
      return resolve();
    });
  });
}

async function issueAgentToken(agentId, kind, ttl) {
  const token = crypto.randomBytes(32).toString("base64url");
  await one(
    "INSERT INTO agent_tokens (agent_id, kind, token_hash, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')",
    [agentId, kind, sha256(token), ttl],
  );
  return token;
}

function isLocalPath(value) {
  return typeof value === "string" && /^\/[^/]/.test(value);
}

router.get("/login", (req, res) => {
  res.render("agent-login", { next: req.query.next ?? "/tickets" });
});

router.post("/login", async (req, res, next) => {
  try {
    const agent = await one("SELECT id, role, password_hash FROM agents WHERE email = $1 AND active", [req.body.email]);
    if (!agent || !(await argon2.verify(agent.password_hash, String(req.body.password)))) {
      return res.status(401).render("agent-login", { error: "Invalid credentials", next: "/tickets" });
    }
    if (agent.role === "admin") {
      await establishSession(req, agent);
    } else {
      req.session.agentId = agent.id;
    }
    if (req.body.remember === "on") {
      setAuthCookie(res, "desk_remember", await issueAgentToken(agent.id, "remember", THIRTY_DAYS), THIRTY_DAYS);
    }
    const target = isLocalPath(req.body.next) ? req.body.next : "/tickets";
    return res.redirect(target);
  } catch (err) {
    return next(err);
  }
});

router.get("/resume", async (req, res, next) => {
  try {
    const row = req.cookies.desk_remember
      ? await one(
          `SELECT a.id, a.role FROM agent_tokens t JOIN agents a ON a.id = t.agent_id
            WHERE t.token_hash = $1 AND t.kind = 'remember' AND t.revoked_at IS NULL AND t.expires_at > now() AND a.active`,
          [sha256(req.cookies.desk_remember)],
        )
      : null;
    if (!row) return res.redirect("/agent/login");
    await establishSession(req, row);
    return res.redirect("/tickets?resumed=1");
  } catch (err) {
    return next(err);
  }
});

router.post("/desktop/login", async (req, res, next) => {
  try {
    const agent = await one("SELECT id, role, password_hash FROM agents WHERE email = $1 AND active", [req.body.email]);
    if (!agent || !(await argon2.verify(agent.password_hash, String(req.body.password)))) {
      return res.status(401).json({ error: "invalid_credentials" });
    }
    setDesktopToken(res, await issueAgentToken(agent.id, "desktop", 12 * 60 * 60 * 1000));
    return res.json({ ok: true });
  } catch (err) {
    return next(err);
  }
});

router.get("/after-login", (req, res) => {
  const next = new URL(String(req.query.next ?? "/tickets"), publicUrl);
  if (next.origin !== publicUrl.origin) {
    return res.redirect("/tickets");
  }
  return res.redirect(next.href);
});

router.post("/logout", async (req, res, next) => {
  if (req.cookies.desk_remember) {
    await one("UPDATE agent_tokens SET revoked_at = now() WHERE token_hash = $1", [sha256(req.cookies.desk_remember)]);
  }
  req.session.destroy((err) => {
    if (err) return next(err);
    res.clearCookie("desk.sid");
    res.clearCookie("desk_remember");
    return res.redirect("/agent/login?signedOut=1");
  });
});

export default router;
