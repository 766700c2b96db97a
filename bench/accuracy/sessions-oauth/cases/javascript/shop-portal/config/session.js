"use strict";

const ONE_WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Options for express-session. The store is injected by app.js so tests can
 * pass a MemoryStore instead of Redis.
 */
function secrets() {
  const raw = process.env.SESSION_SECRET;
  if (!raw) {
    throw new Error("SESSION_SECRET must be set");
  }
  // Comma-separated so secrets can be rotated: the first signs, all verify.
  const list = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.some((s) => s.length < 32)) {
    throw new Error("each SESSION_SECRET entry needs at least 32 characters");
  }
  return list;
}

module.exports = function sessionConfig(store) {

  return {
    name: "shop.sid",
    store,
    secret: secrets(),
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
