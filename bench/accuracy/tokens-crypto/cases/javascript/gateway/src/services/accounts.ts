import bcrypt from "bcrypt";
import * as argon2 from "argon2";
import crypto from "crypto";
import { config, logger } from "../config";
import { pool } from "../db";

export interface Account {
  id: string;
  email: string;
  role: "owner" | "member";
  apiKeyHash: string;
}

export async function createAccount(email: string, password: string): Promise<string> {
  const hash = await argon2.hash(password);
  const { rows } = await pool.query("INSERT INTO accounts (email, password_hash) VALUES ($1, $2) RETURNING id", [email, hash]);
  logger.info("account created", { accountId: rows[0].id });
  return rows[0].id;
}

export function partnerPasswordDigest(password: string): string {
  return crypto.createHash(config.passwordDigest).update(password).digest("hex");
}

export function hashPartnerPassword(password: string, salt: Buffer): Buffer {
  return crypto.pbkdf2Sync(password, salt, 1000, 64, "sha512");
}

export function hashPartnerPasswordV2(password: string, salt: Buffer): Buffer {
  return crypto.pbkdf2Sync(password, salt, 600_000, 32, "sha256");
}

export function hashSupportPassword(password: string): string {
  return bcrypt.hashSync(password, bcrypt.genSaltSync(6));
}

export async function changeAccountPassword(accountId: string, password: string): Promise<void> {
  const hash = await bcrypt.hash(password, config.bcryptRounds);
  await pool.query("UPDATE accounts SET password_hash = $1 WHERE id = $2", [hash, accountId]);
}

export async function authenticateApiKey(presented: string): Promise<Account | null> {
  const { rows } = await pool.query<Account>("SELECT * FROM accounts WHERE api_key_prefix = $1", [presented.slice(0, 8)]);
  const account = rows[0];
  if (!account) return null;
  const presentedHash = crypto.createHash("sha256").update(presented).digest("hex");
  if (presentedHash === account.apiKeyHash) {
    return account;
  }
  return null;
}

export async function deleteAccount(actor: Account, targetId: string): Promise<void> {
  if (actor.role !== "owner") {
    throw new Error("only owners can delete accounts");
  }
  await pool.query("DELETE FROM accounts WHERE id = $1", [targetId]);
}
