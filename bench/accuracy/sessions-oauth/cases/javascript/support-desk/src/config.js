import RedisStore from "connect-redis";
import { createClient } from "redis";

function requireEnv(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not configured`);
  }
  return value;
}

export const redis = createClient({
  url: requireEnv("REDIS_URL"),
  socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5000) },
});
redis.on("error", (err) => console.error("redis error", err));
await redis.connect();

const EIGHT_HOURS = 8 * 60 * 60 * 1000;

export const sessionOptions = {
  name: "desk.sid",
  store: new RedisStore({ client: redis, prefix: "desk:sess:" }),
  secret: requireEnv("SESSION_SECRET"),
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: "lax", maxAge: EIGHT_HOURS },
};

export const supportEmail = process.env.SUPPORT_EMAIL ?? "support@example.com";

export const publicUrl = new URL(process.env.PUBLIC_URL ?? "http://localhost:3400");
