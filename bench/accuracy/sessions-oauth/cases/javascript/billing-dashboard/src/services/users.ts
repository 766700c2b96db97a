import crypto from "node:crypto";
import argon2 from "argon2";
import { dataSource, pool } from "./db";
import { User } from "../entities/User";

const repo = () => dataSource.getRepository(User);

function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

export async function findById(id: string): Promise<Express.User | null> {
  const user = await repo().findOne({ where: { id } });
  return user ? { id: user.id, email: user.email, orgId: user.orgId, role: user.role } : null;
}

export async function findWithHash(id: string) {
  return repo().findOne({ where: { id }, select: ["id", "passwordHash"] });
}

export async function findByEmailWithHash(email: string) {
  return repo().findOne({ where: { email }, select: ["id", "email", "orgId", "role", "passwordHash"] });
}

export async function savePasswordHash(id: string, passwordHash: string): Promise<void> {
  await repo().update({ id }, { passwordHash, passwordChangedAt: new Date() });
}

export async function saveWidgetToken(id: string, token: string): Promise<void> {
  await repo().update({ id }, { widgetTokenHash: sha256(token) });
}

export async function saveEmailPreferences(id: string, prefs: { invoices: boolean; productUpdates: boolean }) {
  await repo().update({ id }, { emailInvoices: prefs.invoices, emailProductUpdates: prefs.productUpdates });
}

export async function upsertWorkforceUser(subject: string, email: string) {
  const existing = await repo().findOne({ where: { oidcSubject: subject } });
  if (existing) return existing;
  return repo().save(repo().create({ oidcSubject: subject, email, role: "viewer" }));
}

export async function verifyRecoveryCode(email: string, code: string) {
  const user = await repo().findOne({ where: { email } });
  if (!user) return null;
  const { rowCount } = await pool.query(
    "DELETE FROM recovery_codes WHERE user_id = $1 AND code_hash = $2",
    [user.id, sha256(code.replace(/\s+/g, ""))],
  );
  return rowCount === 1 ? user : null;
}

export async function verifyAccountant(email: string, password: string) {
  const { rows } = await pool.query("SELECT id, password_digest FROM accountants WHERE email = $1", [email.toLowerCase()]);
  if (rows.length === 0) return null;
  return (await argon2.verify(rows[0].password_digest, password)) ? { id: rows[0].id as string } : null;
}

export async function acceptInvite(token: string, password: string): Promise<{ userId: string }> {
  const { rows } = await pool.query(
    "DELETE FROM invites WHERE token_hash = $1 AND expires_at > now() RETURNING user_id",
    [sha256(token)],
  );
  if (rows.length === 0) throw Object.assign(new Error("invite expired"), { status: 410 });
  const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
  await repo().update({ id: rows[0].user_id }, { passwordHash });
  return { userId: rows[0].user_id };
}
