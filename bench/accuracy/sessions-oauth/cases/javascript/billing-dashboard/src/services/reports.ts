import crypto from "node:crypto";
import { pool } from "./db";

export async function createDownloadToken(userId: string, reportId: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await pool.query(
    "INSERT INTO report_downloads (token_hash, user_id, report_id, expires_at) VALUES ($1, $2, $3, now() + interval '5 minutes')",
    [crypto.createHash("sha256").update(token).digest("hex"), userId, reportId],
  );
  return token;
}
