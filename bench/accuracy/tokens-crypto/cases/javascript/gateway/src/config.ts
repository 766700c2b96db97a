import { readFileSync } from "fs";
import type { VerifyOptions } from "jsonwebtoken";
import winston from "winston";

export const logger = winston.createLogger({
  level: process.env.LOG_LEVEL ?? "info",
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  transports: [new winston.transports.Console()],
});

const issuer = process.env.GATEWAY_JWT_ISSUER ?? "https://auth.acme.test/";
const audience = process.env.GATEWAY_JWT_AUDIENCE ?? "api-gateway";

export const config = {
  port: Number(process.env.PORT ?? 8080),
  jwt: {
    issuer,
    audience,
    publicKey: readFileSync(process.env.GATEWAY_JWT_PUBLIC_KEY ?? "/etc/gateway/jwt.pub", "utf8"),
    internalSecret: process.env.GATEWAY_INTERNAL_SECRET ?? "",
    deviceSecret: process.env.GATEWAY_DEVICE_SECRET ?? "",
    knownKids: (process.env.GATEWAY_JWT_KIDS ?? "gw-2024-01,gw-2024-07").split(","),
    // used by the service-to-service helpers
    verifyOptions: { issuer, audience } as VerifyOptions,
  },
  adminApiKey: process.env.GATEWAY_ADMIN_API_KEY ?? "",
  // partner accounts still use the digest format of the old portal
  passwordDigest: process.env.PASSWORD_DIGEST ?? "md5",
  bcryptRounds: Number(process.env.BCRYPT_ROUNDS ?? 12),
  upstreams: {
    orders: process.env.ORDERS_URL ?? "http://orders:3000",
    billing: process.env.BILLING_URL ?? "http://billing-api:4000",
    ledger: process.env.LEDGER_URL ?? "http://ledger:5000",
  },
};

function mask(value: string): string {
  return value.length <= 4 ? "****" : `${value.slice(0, 4)}…(${value.length})`;
}

export function logStartup(): void {
  logger.info("gateway starting", { port: config.port, issuer: config.jwt.issuer, audience: config.jwt.audience });
  logger.info("admin api key loaded", { apiKey: mask(config.adminApiKey) });
  logger.debug("service auth", { internalSecret: config.jwt.internalSecret, kids: config.jwt.knownKids });
  logger.info("upstreams", { upstreams: Object.keys(config.upstreams) });
}
