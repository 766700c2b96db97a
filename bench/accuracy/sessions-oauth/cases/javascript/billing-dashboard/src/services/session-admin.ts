import { pool } from "./db";

/**
 * connect-pg-simple keeps the serialized session in http_sessions.sess; the
 * passport user id or the legacy userId lives inside that JSON document.
 */
const USER_FILTER = "(sess -> 'passport' ->> 'user' = $1 OR sess ->> 'userId' = $1)";

export async function listSessions(userId: string) {
  const { rows } = await pool.query(
    `SELECT sid, expire FROM http_sessions WHERE ${USER_FILTER} ORDER BY expire DESC`,
    [userId],
  );
  return rows as Array<{ sid: string; expire: Date }>;
}

export async function destroyOtherSessions(userId: string, keepSid: string): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM http_sessions WHERE ${USER_FILTER} AND sid <> $2`,
    [userId, keepSid],
  );
  return rowCount ?? 0;
}

export async function destroySession(userId: string, sid: string): Promise<void> {
  await pool.query(`DELETE FROM http_sessions WHERE ${USER_FILTER} AND sid = $2`, [userId, sid]);
}

export async function destroyAllSessions(userId: string): Promise<void> {
  await pool.query(`DELETE FROM http_sessions WHERE ${USER_FILTER}`, [userId]);
}
