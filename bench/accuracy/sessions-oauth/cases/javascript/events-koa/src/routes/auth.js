"use strict";

const crypto = require("crypto");
const Router = require("@koa/router");
const bcrypt = require("bcryptjs");
const stores = require("../lib/stores");
const { signAccess, signRefresh, verifyRefresh } = require("../lib/tokens");
const { requireUser } = require("../middleware/auth");

const router = new Router({ prefix: "/auth" });

const accessCookie = { httpOnly: true, secure: true, sameSite: "strict", signed: true, maxAge: 15 * 60 * 1000 };

async function issuePair(userId) {
  const { token } = signAccess(userId);
  const tokenId = crypto.randomUUID();
  await stores.saveRefreshToken(tokenId, userId);
  return { accessToken: token, refreshToken: signRefresh(userId, tokenId) };
}

router.post("/login", async (ctx) => {
  const { email, password } = ctx.request.body;
  const { rows } = await stores.pool.query("SELECT id, password_hash FROM members WHERE email = $1", [String(email).toLowerCase()]);
  const member = rows[0];
  if (!member || !(await bcrypt.compare(String(password), member.password_hash))) {
    ctx.status = 401;
    ctx.body = { error: "invalid_credentials" };
    return;
  }
  const pair = await issuePair(member.id);
  if (ctx.accepts("html", "json") === "json") {
    ctx.body = pair;
    return;
  }
  ctx.cookies.set("access_token", pair.accessToken, accessCookie);
  ctx.cookies.set("refresh_token", pair.refreshToken, { httpOnly: true, secure: true, signed: true, path: "/auth/refresh" });
  ctx.cookies.set("events_lang", ctx.request.body.lang === "de" ? "de" : "en", { signed: false, maxAge: 31536000000 });
  ctx.redirect("/events");
});

router.post("/refresh", async (ctx) => {
  let claims;
  try {
    claims = verifyRefresh(ctx.cookies.get("refresh_token", { signed: true }));
  } catch {
    ctx.throw(401, "invalid refresh token");
  }
  const owner = await stores.refreshTokenOwner(claims.tid);
  if (!owner || (await stores.deleteRefreshToken(claims.tid)) !== 1) ctx.throw(401, "invalid refresh token");
  const pair = await issuePair(owner);
  ctx.cookies.set("access_token", pair.accessToken, { ...accessCookie });
  ctx.cookies.set("refresh_token", pair.refreshToken, { ...accessCookie, maxAge: 7 * 24 * 3600 * 1000, path: "/auth/refresh" });
  ctx.status = 204;
});

router.post("/mobile/refresh", async (ctx) => {
  const presented = String(ctx.request.body.refreshToken || "");
  let claims;
  try {
    claims = verifyRefresh(presented);
  } catch {
    ctx.throw(401, "invalid refresh token");
  }
  if (!(await stores.refreshTokenOwner(claims.tid))) ctx.throw(401, "invalid refresh token");
  const { token } = signAccess(claims.sub);
  ctx.body = { accessToken: token, refreshToken: presented };
});

// Organiser dashboard (SPA) keeps one refresh token per browser.
router.post("/organiser/refresh", async (ctx) => {
  const { refreshToken } = ctx.request.body;
  const claims = verifyRefresh(String(refreshToken || ""));
  if (!(await stores.refreshTokenOwner(claims.tid))) ctx.throw(401, "invalid refresh token");
  const fresh = await issuePair(claims.sub);
  ctx.body = { ...fresh, refreshToken };
});

// Embeddable organiser widget keeps its tokens in memory on the host page.
router.post("/widget/refresh", async (ctx) => {
  const claims = verifyRefresh(String(ctx.request.body.refreshToken || ""));
  const { token } = signAccess(claims.sub);
  ctx.body = {
    accessToken: token,
    refreshToken: signRefresh(claims.sub, claims.tid),
  };
});

router.post("/logout", requireUser, async (ctx) => {
  await stores.denyAccessToken(ctx.state.user.jti, ctx.state.user.exp);
  const refresh = ctx.cookies.get("refresh_token", { signed: true });
  if (refresh) {
    try {
      await stores.deleteRefreshToken(verifyRefresh(refresh).tid);
    } catch {
      // already expired
    }
  }
  ctx.cookies.set("access_token", null);
  ctx.cookies.set("refresh_token", null, { path: "/auth/refresh" });
  ctx.status = 204;
});

module.exports = router;
