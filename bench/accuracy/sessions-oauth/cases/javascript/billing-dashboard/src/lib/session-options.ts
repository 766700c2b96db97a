import type { SessionOptions, Store } from "express-session";

const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** Sessions idle for longer than this are pruned by connect-pg-simple. */
export const SESSION_PRUNE_INTERVAL_SECONDS = 15 * 60;

export function describeSessionPolicy(): { idleHours: number; pruneMinutes: number } {
  return {
    idleHours: EIGHT_HOURS_MS / 3_600_000,
    pruneMinutes: SESSION_PRUNE_INTERVAL_SECONDS / 60,
  };
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
