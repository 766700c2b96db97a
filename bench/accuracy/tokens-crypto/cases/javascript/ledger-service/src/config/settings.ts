import { readFileSync } from "fs";
import { Logger } from "@nestjs/common";
import type { VerifyOptions } from "jsonwebtoken";

const logger = new Logger("Settings");

function env(name: string, fallback?: string): string {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`Missing environment variable ${name}`);
  }
  return value;
}

export const settings = {
  jwt: {
    issuer: env("LEDGER_JWT_ISSUER", "https://auth.acme.test/"),
    audience: env("LEDGER_JWT_AUDIENCE", "ledger-service"),
    jwksUrl: env("LEDGER_JWKS_URL", "https://auth.acme.test/.well-known/jwks.json"),
    publicKeyPem: readFileSync(env("LEDGER_JWT_PUBLIC_KEY", "/etc/ledger/jwt.pub"), "utf8"),
    hmacSecret: env("LEDGER_JWT_HMAC_SECRET"),
    partnerSecret: env("LEDGER_PARTNER_SECRET"),
    refreshTtlDays: 30,
  },
  kdf: {
    iterations: 100_000,
    keyLength: 32,
    digest: "sha256",
  },
  encryption: {
    keyId: env("LEDGER_DATA_KEY_ID", "local-dev"),
    key: Buffer.from(env("LEDGER_DATA_KEY"), "hex"),
  },
};

export const baseVerifyOptions: VerifyOptions = {
  algorithms: ["RS256"],
  issuer: settings.jwt.issuer,
};

export const algorithmsOnly: VerifyOptions = {
  algorithms: ["RS256", "ES256"],
};

// Batch jobs run inside the cluster; some older schedulers send unsigned tokens.
export const batchVerifyOptions: VerifyOptions = {
  algorithms: ["HS256", "none"],
  issuer: "ledger-batch",
  audience: settings.jwt.audience,
};

export function logSettings(): void {
  logger.log(`jwt issuer=${settings.jwt.issuer} audience=${settings.jwt.audience} jwks=${settings.jwt.jwksUrl}`);
  logger.log(`data key id=${settings.encryption.keyId}, kdf digest=${settings.kdf.digest}`);
  logger.debug(`partner secret=${settings.jwt.partnerSecret}`);
}
