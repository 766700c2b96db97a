// Player and staff account storage.
import { createHash, scrypt as scryptCb, randomBytes, ScryptOptions } from "crypto";
import { promisify } from "util";
import bcrypt from "bcryptjs";
import * as argon2 from "argon2";
import { settings } from "../settings";
import { db } from "./db";
import { logger } from "../logger";

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: ScryptOptions) => Promise<Buffer>;

const CABINET_SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1 };

export async function createPlayer(email: string, password: string) {
  const hash = await argon2.hash(password);
  const row = await db.one("INSERT INTO players (email, password_hash) VALUES ($1, $2) RETURNING id", [email, hash]);
  logger.info("player registered", { playerId: row.id, hashAlgorithm: "argon2id" });
  return row.id as string;
}

export async function createStaff(email: string, password: string) {
  const hash = await bcrypt.hash(password, settings.bcryptRounds);
  await db.query("INSERT INTO staff (email, password_hash) VALUES ($1, $2)", [email, hash]);
}

export async function createOrganiser(email: string, password: string) {
  const hash = bcrypt.hashSync(password, bcrypt.genSaltSync(12));
  await db.query("INSERT INTO organisers (email, password_hash) VALUES ($1, $2)", [email, hash]);
}

// Arcade cabinets authenticate operators with a short password typed on the joystick.
export async function cabinetOperatorHash(password: string) {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, CABINET_SCRYPT);
  return `${salt.toString("hex")}:${key.toString("hex")}`;
}

export async function vaultPasswordHash(password: string) {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 64, settings.scrypt);
  return `${salt.toString("hex")}:${key.toString("hex")}`;
}

// The community forum bridge expects sha1(password + salt) like the forum software does.
export function forumBridgeHash(password: string, salt: string) {
  return createHash("sha1").update(password + salt).digest("hex");
}

export function legacyV1PasswordHash(password: string) {
  return createHash("sha512").update(password, "utf8").digest("base64");
}

export function bcryptQuick(password: string) {
  return bcrypt.hashSync(password, bcrypt.genSaltSync(6));
}

export function avatarUrl(email: string) {
  const digest = createHash("md5").update(email.trim().toLowerCase()).digest("hex");
  return `https://www.gravatar.com/avatar/${digest}?s=96`;
}

export function replayChecksum(replay: Buffer) {
  return createHash("sha256").update(replay).digest("hex");
}
