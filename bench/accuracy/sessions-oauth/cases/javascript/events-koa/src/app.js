"use strict";

const Koa = require("koa");
const bodyParser = require("koa-bodyparser");
const helmet = require("koa-helmet");
const authRoutes = require("./routes/auth");
const eventRoutes = require("./routes/events");
const oauthRoutes = require("./routes/oauth");

function createApp() {
  const app = new Koa();
  app.proxy = true;
  app.keys = String(process.env.COOKIE_KEYS || "").split(",").filter(Boolean);
  if (app.keys.length === 0) throw new Error("COOKIE_KEYS must be set");

  app.use(helmet());
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      ctx.status = err.status || 500;
      ctx.body = { error: ctx.status === 500 ? "internal_error" : err.message };
      if (ctx.status === 500) ctx.app.emit("error", err, ctx);
    }
  });
  app.use(bodyParser({ enableTypes: ["json", "form"], jsonLimit: "100kb" }));

  for (const router of [authRoutes, eventRoutes, oauthRoutes]) {
    app.use(router.routes());
    app.use(router.allowedMethods());
  }
  return app;
}

module.exports = { createApp };
