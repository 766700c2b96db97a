import type { SessionOptions, Store } from "express-session";

const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

export function sessionOptions(store: Store): SessionOptions {
  return {
    name: "billing.sid",
    store,
    secret: requireEnv("SESSION_SECRET"),
    resave: false,
    saveUninitialized: false,
    proxy: true,
    cookie: {
      httpOnly: true,
      secure: process.env.NODE_ENV === "production",
      sameSite: "lax",
      maxAge: EIGHT_HOURS_MS,
    },
  };
}
