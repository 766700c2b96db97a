"use strict";

const crypto = require("crypto");
const Router = require("@koa/router");
const { pool, putOAuthState, takeOAuthState } = require("../lib/stores");
const { requireUser } = require("../middleware/auth");

const router = new Router({ prefix: "/connect" });
const redirectBase = `${process.env.PUBLIC_URL}/connect`;

// Import a member's events from the ticketing platform (confidential client).
router.get("/tickets", requireUser, async (ctx) => {
  const params = new URLSearchParams({
    client_id: process.env.TICKETS_CLIENT_ID,
    redirect_uri: `${redirectBase}/tickets/callback`,
    response_type: "code",
    scope: "events:read",
    state: "tickets-import",
  });
  ctx.redirect(`https://auth.tickets.example/oauth/authorize?${params}`);
});

router.get("/tickets/callback", requireUser, async (ctx) => {
  const res = await fetch("https://auth.tickets.example/oauth/token", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: String(ctx.query.code),
      redirect_uri: `${redirectBase}/tickets/callback`,
      client_id: process.env.TICKETS_CLIENT_ID,
      client_secret: process.env.TICKETS_CLIENT_SECRET,
    }),
  });
  const tokens = await res.json();
  await pool.query("UPDATE members SET tickets_token = $2 WHERE id = $1", [ctx.state.user.id, tokens.access_token]);
  ctx.redirect("/settings/connections?tickets=1");
});

// Link a calendar account (confidential client).
router.get("/calendar", requireUser, async (ctx) => {
  const state = crypto.randomBytes(24).toString("base64url");
  await putOAuthState(state, ctx.state.user.id);
  const params = new URLSearchParams({
    client_id: process.env.CALENDAR_CLIENT_ID,
    redirect_uri: `${redirectBase}/calendar/callback`,
    response_type: "code",
    scope: "calendar.events",
    state,
  });
  ctx.redirect(`https://accounts.calendar.example/o/oauth2/auth?${params}`);
});

router.get("/calendar/callback", requireUser, async (ctx) => {
  const owner = await takeOAuthState(String(ctx.query.state || ""));
  if (!owner || owner !== String(ctx.state.user.id)) ctx.throw(400, "state mismatch");
  const res = await fetch("https://accounts.calendar.example/o/oauth2/token", {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code: String(ctx.query.code),
      redirect_uri: `${redirectBase}/calendar/callback`,
      client_id: process.env.CALENDAR_CLIENT_ID,
      client_secret: process.env.CALENDAR_CLIENT_SECRET,
    }),
  });
  const tokens = await res.json();
  await pool.query("UPDATE members SET calendar_refresh = $2 WHERE id = $1", [ctx.state.user.id, tokens.refresh_token]);
  ctx.redirect("/settings/connections?calendar=1");
});

module.exports = router;
