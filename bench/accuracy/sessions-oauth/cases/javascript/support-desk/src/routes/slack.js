import crypto from "node:crypto";
import { Router } from "express";
import { one } from "../lib/db.js";

const FIVE_MINUTES = 5 * 60;

/** express.urlencoded({ verify }) hook for Slack's v0 request signatures. */
export function verifySlackSignature(req, res, buf) {
  if (!req.originalUrl.startsWith("/slack/")) return;
  const timestamp = Number(req.get("x-slack-request-timestamp"));
  if (!timestamp || Math.abs(Date.now() / 1000 - timestamp) > FIVE_MINUTES) {
    throw Object.assign(new Error("stale slack request"), { status: 401 });
  }
  const base = `v0:${timestamp}:${buf.toString("utf8")}`;
  const expected = "v0=" + crypto.createHmac("sha256", process.env.SLACK_SIGNING_SECRET).update(base).digest("hex");
  const given = Buffer.from(req.get("x-slack-signature") ?? "");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, Buffer.from(expected))) {
    throw Object.assign(new Error("bad slack signature"), { status: 401 });
  }
}

const router = Router();

router.post("/events", async (req, res) => {
  const payload = req.body.payload ? JSON.parse(req.body.payload) : req.body;
  if (payload.type === "block_actions") {
    const action = payload.actions?.[0];
    if (action?.action_id === "assign_to_me") {
      await one("UPDATE tickets SET assignee_slack_id = $2 WHERE id = $1", [action.value, payload.user.id]);
    }
  }
  res.status(200).end();
});

export default router;
