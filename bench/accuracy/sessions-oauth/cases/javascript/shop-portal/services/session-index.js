"use strict";

const { createClient } = require("redis");

// connect-redis stores sessions under "shop:<sid>"; this index maps a user to
// the session ids it has logged in with so they can be destroyed together.
const client = createClient({ url: process.env.REDIS_URL });
client.connect().catch((err) => console.error("session index redis error", err));

const indexKey = (userId) => `shop:user-sessions:${userId}`;

async function track(userId, sid) {
  await client.sAdd(indexKey(userId), sid);
  await client.expire(indexKey(userId), 7 * 24 * 60 * 60);
}

async function destroyOtherSessions(userId, keepSid) {
  const sids = await client.sMembers(indexKey(userId));
  const others = sids.filter((sid) => sid !== keepSid);
  if (others.length) {
    await client.del(others.map((sid) => `shop:${sid}`));
    await client.sRem(indexKey(userId), others);
  }
  return others.length;
}

module.exports = { track, destroyOtherSessions };
