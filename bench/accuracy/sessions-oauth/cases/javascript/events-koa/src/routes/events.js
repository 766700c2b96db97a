"use strict";

const Router = require("@koa/router");
const { pool } = require("../lib/stores");
const { requireUser } = require("../middleware/auth");

const router = new Router();

const SHARE_TARGETS = {
  mastodon: "https://mastodon.social/share",
  linkedin: "https://www.linkedin.com/sharing/share-offsite/",
  email: "mailto:",
};

router.get("/events", async (ctx) => {
  const { rows } = await pool.query(
    "SELECT id, title, starts_at, venue FROM events WHERE starts_at > now() ORDER BY starts_at LIMIT 50"
  );
  ctx.body = rows;
});

router.post("/events/:id/rsvp", requireUser, async (ctx) => {
  const eventId = Number(ctx.params.id);
  await pool.query(
    "INSERT INTO rsvps (event_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    [eventId, ctx.state.user.id]
  );
  ctx.redirect(ctx.request.body.returnTo || `/events/${eventId}`);
});

router.post("/events", requireUser, async (ctx) => {
  const { title, startsAt, venue } = ctx.request.body;
  const { rows } = await pool.query(
    "INSERT INTO events (title, starts_at, venue, organiser_id) VALUES ($1, $2, $3, $4) RETURNING id",
    [String(title).slice(0, 140), new Date(startsAt), String(venue).slice(0, 200), ctx.state.user.id]
  );
  ctx.status = 303;
  ctx.redirect(`/events/${rows[0].id}`);
});

// Outbound link tracking for venue websites and ticket shops.
router.get("/out", async (ctx) => {
  await pool.query("INSERT INTO outbound_clicks (url, clicked_at) VALUES ($1, now())", [String(ctx.query.url)]);
  ctx.redirect(ctx.query.url);
});

router.get("/events/:id/share/:network", async (ctx) => {
  const base = SHARE_TARGETS[ctx.params.network];
  if (!base) ctx.throw(404);
  const eventUrl = `${process.env.PUBLIC_URL}/events/${encodeURIComponent(ctx.params.id)}`;
  ctx.redirect(`${base}?url=${encodeURIComponent(eventUrl)}`);
});

router.get("/venues/:id/map", async (ctx) => {
  const { rows } = await pool.query("SELECT lat, lng FROM venues WHERE id = $1", [ctx.params.id]);
  if (!rows.length) ctx.throw(404);
  ctx.redirect(`https://www.openstreetmap.org/?mlat=${rows[0].lat}&mlon=${rows[0].lng}#map=17/${rows[0].lat}/${rows[0].lng}`);
});

module.exports = router;
