import Redis from "ioredis";
import { config } from "../config.js";

const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });

const key = (jti: string) => `deny:${jti}`;

/** Deny an access token id until it would have expired anyway. */
export async function denyJti(jti: string, expiresAtSeconds: number): Promise<void> {
  const ttl = Math.max(1, expiresAtSeconds - Math.floor(Date.now() / 1000));
  await redis.set(key(jti), "1", "EX", ttl);
}

export async function isDenied(jti: string): Promise<boolean> {
  return (await redis.exists(key(jti))) === 1;
}

export async function stashOAuthTransaction(state: string, value: Record<string, string>): Promise<void> {
  await redis.set(`oauth:tx:${state}`, JSON.stringify(value), "EX", 600);
}

export async function takeOAuthTransaction(state: string): Promise<Record<string, string> | null> {
  const raw = await redis.getdel(`oauth:tx:${state}`);
  return raw ? (JSON.parse(raw) as Record<string, string>) : null;
}
