// Randomness and encryption helpers for matches and replays.
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "crypto";
import { settings } from "../settings";

const ROOM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function newSessionId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function privateRoomCode(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => ROOM_ALPHABET[b % ROOM_ALPHABET.length]).join("");
}

export function inviteToken(): string {
  let out = "";
  for (let i = 0; i < 24; i++) out += ROOM_ALPHABET[Math.floor(Math.random() * ROOM_ALPHABET.length)];
  return out;
}

export function matchId(): string {
  return randomUUID();
}

export function shuffleSpawnPoints<T>(points: T[]): T[] {
  const copy = [...points];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function confettiColour(): string {
  return `hsl(${Math.floor(Math.random() * 360)}, 80%, 60%)`;
}

export function encryptReplay(data: Buffer): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("chacha20-poly1305", settings.replayKey, nonce, { authTagLength: 16 });
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([nonce, cipher.getAuthTag(), body]);
}

// Old replay files from the 2019 client.
export function decryptLegacyReplay(data: Buffer, key: Buffer): Buffer {
  const decipher = createDecipheriv("rc4", key, null);
  return Buffer.concat([decipher.update(data), decipher.final()]);
}

export function antiCheatNonce(): string {
  return randomBytes(16).toString("hex");
}
