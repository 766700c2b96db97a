import crypto from "node:crypto";
import { prisma } from "../db.js";
import { config } from "../config.js";

export class RefreshError extends Error {
  readonly status = 401;
  constructor(readonly code: string) {
    super(code);
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("hex");
}

function newOpaqueToken(): string {
  return crypto.randomBytes(48).toString("base64url");
}

function expiry(): Date {
  return new Date(Date.now() + config.refreshTokenTtlDays * DAY_MS);
}

/** First refresh token of a new login; starts a new rotation family. */
export async function issue(userId: string, deviceId?: string): Promise<string> {
  const token = newOpaqueToken();
  await prisma.refreshToken.create({
    data: { tokenHash: sha256(token), userId, deviceId, familyId: crypto.randomUUID(), expiresAt: expiry() },
  });
  return token;
}

/**
 * Exchange a refresh token for a new one. The presented token is marked used;
 * presenting a used token again revokes the whole family (token theft).
 */
export async function rotate(presented: string): Promise<{ userId: string; refreshToken: string }> {
  return prisma.$transaction(async (tx) => {
    const current = await tx.refreshToken.findUnique({ where: { tokenHash: sha256(presented) } });
    if (!current || current.expiresAt < new Date() || current.revokedAt) {
      throw new RefreshError("invalid_refresh_token");
    }
    if (current.usedAt) {
      await tx.refreshToken.updateMany({ where: { familyId: current.familyId }, data: { revokedAt: new Date() } });
      throw new RefreshError("refresh_token_reused");
    }
    await tx.refreshToken.update({ where: { id: current.id }, data: { usedAt: new Date() } });
    const rotated = newOpaqueToken();
    await tx.refreshToken.create({
      data: {
        tokenHash: sha256(rotated),
        userId: current.userId,
        deviceId: current.deviceId,
        familyId: current.familyId,
        expiresAt: expiry(),
      },
    });
    return { userId: current.userId, refreshToken: rotated };
  });
}

export async function findActiveForDevice(deviceId: string, presented: unknown) {
  if (typeof presented !== "string") return null;
  return prisma.refreshToken.findFirst({
    where: { deviceId, tokenHash: sha256(presented), revokedAt: null, expiresAt: { gt: new Date() } },
  });
}

export async function createLegacy(userId: string): Promise<string> {
  const token = newOpaqueToken();
  await prisma.legacyRefreshToken.create({ data: { tokenHash: sha256(token), userId, expiresAt: expiry() } });
  return token;
}

export async function findLegacy(token: unknown): Promise<{ userId: string } | null> {
  if (typeof token !== "string") return null;
  return prisma.legacyRefreshToken.findFirst({
    where: { tokenHash: sha256(token), expiresAt: { gt: new Date() } },
    select: { userId: true },
  });
}

export async function revokeFamilyOf(presented: string): Promise<void> {
  const current = await prisma.refreshToken.findUnique({ where: { tokenHash: sha256(presented) } });
  if (current) {
    await prisma.refreshToken.updateMany({ where: { familyId: current.familyId }, data: { revokedAt: new Date() } });
  }
}

export async function revokeAllForUser(userId: string): Promise<void> {
  await prisma.refreshToken.deleteMany({ where: { userId } });
  await prisma.legacyRefreshToken.deleteMany({ where: { userId } });
}
