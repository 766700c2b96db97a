import type { NextFunction, Request, Response } from "express";
import crypto from "node:crypto";
import { pool } from "../services/db";

function digest(key: string): string {
  return crypto.createHash("sha256").update(key).digest("hex");
}

/**
 * Authenticates machine clients by `Authorization: Bearer <api key>`.
 * Keys are stored hashed and can be revoked from the dashboard.
 */
export async function bearerAuth(req: Request, res: Response, next: NextFunction): Promise<void> {
  const header = req.headers.authorization ?? "";
  const [scheme, key] = header.split(" ");
  if (scheme !== "Bearer" || !key) {
    res.status(401).set("WWW-Authenticate", "Bearer").json({ error: "missing_api_key" });
    return;
  }
  try {
    const { rows } = await pool.query(
      "SELECT id, org_id, scopes FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL",
      [digest(key)],
    );
    if (rows.length === 0) {
      res.status(401).json({ error: "invalid_api_key" });
      return;
    }
    req.apiClient = { id: rows[0].id, orgId: rows[0].org_id, scopes: rows[0].scopes.split(" ") };
    next();
  } catch (err) {
    next(err);
  }
}
