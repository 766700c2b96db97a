import type { TokenSet } from "openid-client";
import { pool } from "./db";

export async function saveLedgerlyTokens(orgId: string, tokens: TokenSet): Promise<void> {
  await pool.query(
    `INSERT INTO integrations (org_id, provider, access_token, refresh_token, expires_at)
     VALUES ($1, 'ledgerly', $2, $3, to_timestamp($4))
     ON CONFLICT (org_id, provider)
     DO UPDATE SET access_token = EXCLUDED.access_token,
                   refresh_token = EXCLUDED.refresh_token,
                   expires_at = EXCLUDED.expires_at`,
    [orgId, tokens.access_token, tokens.refresh_token ?? null, tokens.expires_at ?? null],
  );
}

export async function disconnect(orgId: string, provider: string): Promise<void> {
  await pool.query("DELETE FROM integrations WHERE org_id = $1 AND provider = $2", [orgId, provider]);
}
