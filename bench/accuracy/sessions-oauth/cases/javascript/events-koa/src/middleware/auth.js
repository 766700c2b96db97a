"use strict";

const { verifyAccess } = require("../lib/tokens");
const { isAccessTokenDenied, pool } = require("../lib/stores");

function readToken(ctx) {
  const header = ctx.get("Authorization");
  if (header.startsWith("Bearer ")) return header.slice(7);
  return ctx.cookies.get("access_token", { signed: true }) || null;
}

async function requireUser(ctx, next) {
  const token = readToken(ctx);
  if (!token) ctx.throw(401, "login required");
  let claims;
  try {
    claims = verifyAccess(token);
  } catch {
    ctx.throw(401, "invalid token");
  }
  if (await isAccessTokenDenied(claims.jti)) ctx.throw(401, "token revoked");
  ctx.state.user = { id: claims.sub, jti: claims.jti, exp: claims.exp };
  await next();
}

function requireOrganiser(getEventId) {
  return async (ctx, next) => {
    const eventId = Number(getEventId(ctx));
    const { rows } = await pool.query("SELECT 1 FROM events WHERE id = $1 AND organiser_id = $2", [
      eventId,
      ctx.state.user.id,
    ]);
    if (rows.length === 0) ctx.throw(403, "not the organiser of this event");
    await next();
  };
}

module.exports = { requireUser, requireOrganiser };
