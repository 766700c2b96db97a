"use strict";

const Redis = require("ioredis");
const { Pool } = require("pg");

const redis = new Redis(process.env.REDIS_URL);
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 8 });

const REFRESH_TTL_SECONDS = 7 * 24 * 60 * 60;

async function saveRefreshToken(tokenId, userId) {
  await redis.set(`rt:${tokenId}`, String(userId), "EX", REFRESH_TTL_SECONDS);
}

async function refreshTokenOwner(tokenId) {
  return redis.get(`rt:${tokenId}`);
}

async function deleteRefreshToken(tokenId) {
  return redis.del(`rt:${tokenId}`);
}

async function denyAccessToken(jti, expSeconds) {
  const ttl = Math.max(1, expSeconds - Math.floor(Date.now() / 1000));
  await redis.set(`deny:${jti}`, "1", "EX", ttl);
}

async function isAccessTokenDenied(jti) {
  return (await redis.exists(`deny:${jti}`)) === 1;
}

async function putOAuthState(state, userId) {
  await redis.set(`oauth:${state}`, String(userId), "EX", 600);
}

async function takeOAuthState(state) {
  return redis.getdel(`oauth:${state}`);
}

module.exports = {
  pool,
  saveRefreshToken,
  refreshTokenOwner,
  deleteRefreshToken,
  denyAccessToken,
  isAccessTokenDenied,
  putOAuthState,
  takeOAuthState,
};
