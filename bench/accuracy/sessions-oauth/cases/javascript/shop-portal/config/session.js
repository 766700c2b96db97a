"use strict";

const ONE_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Options for express-session. The store is injected by app.js so tests can
 * pass a MemoryStore instead of Redis.
 */
module.exports = function sessionConfig(store) {
  if (!process.env.SESSION_SECRET) {
    throw new Error("SESSION_SECRET must be set");
  }

  return {
    name: "shop.sid",
    store,
    secret: process.env.SESSION_SECRET.split(","),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      maxAge: ONE_WEEK_MS,
      httpOnly: true,
      sameSite: "lax",
    },
  };
};
