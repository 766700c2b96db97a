import crypto from "node:crypto";
import { pool } from "./db";

export async function listMembers(orgId: string) {
  const { rows } = await pool.query("SELECT id, email, role FROM users WHERE org_id = $1 ORDER BY email", [orgId]);
  return rows;
}

export async function invite(orgId: string, email: string, role: string) {
  const token = crypto.randomBytes(24).toString("base64url");
  const { rows } = await pool.query(
    "INSERT INTO users (org_id, email, role) VALUES ($1, $2, $3) ON CONFLICT (email) DO NOTHING RETURNING id",
    [orgId, email, role],
  );
  if (rows.length) {
    await pool.query(
      "INSERT INTO invites (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '3 days')",
      [rows[0].id, crypto.createHash("sha256").update(token).digest("hex")],
    );
  }
  return token;
}

export async function changeRole(orgId: string, userId: string, role: string) {
  if (!["owner", "accountant", "viewer"].includes(role)) throw Object.assign(new Error("bad role"), { status: 400 });
  await pool.query("UPDATE users SET role = $3 WHERE org_id = $1 AND id = $2", [orgId, userId, role]);
}

export async function remove(orgId: string, userId: string) {
  await pool.query("DELETE FROM users WHERE org_id = $1 AND id = $2", [orgId, userId]);
}
