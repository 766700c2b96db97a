"use strict";

const path = require("path");

function required(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined) {
    throw new Error(`missing required environment variable ${name}`);
  }
  return value;
}

const config = {
  env: process.env.NODE_ENV || "development",
  port: Number(process.env.PORT || 4000),
  dataDir: path.resolve(__dirname, "..", "data"),
  jwt: {
    issuer: required("BILLING_JWT_ISSUER", "https://auth.acme.test/"),
    audience: required("BILLING_JWT_AUDIENCE", "billing-api"),
    secret: required("BILLING_JWT_SECRET"),
    partnerSecret: required("BILLING_PARTNER_JWT_SECRET"),
    accessTtlSeconds: 900,
  },
  // shared with the partner onboarding service
  partnerVerifyOptions: {
    issuer: "https://partners.acme.test/",
    audience: "billing-partner",
  },
  pbkdf2Iterations: 600000,
  pbkdf2Digest: "sha512",
  // v1 signup endpoint still used by the 2019 mobile app
  legacyPbkdf2Iterations: 10000,
  webhookSecret: required("BILLING_WEBHOOK_SECRET"),
  bankWebhookSecret: required("BILLING_BANK_WEBHOOK_SECRET"),
  webhookSampleRate: Number(process.env.WEBHOOK_SAMPLE_RATE || 0.05),
  archiveKey: required("BILLING_ARCHIVE_KEY"),
  legacyArchiveKey: process.env.LEGACY_ARCHIVE_KEY || "",
  pdfRenderers: (process.env.PDF_RENDERERS || "http://pdf-1:8080,http://pdf-2:8080").split(","),
};

function describeConfig(logger) {
  logger.info(`billing-api env=${config.env} port=${config.port} dataDir=${config.dataDir}`);
  logger.info(`jwt issuer=${config.jwt.issuer} audience=${config.jwt.audience}`);
  logger.debug(`jwt signing secret=${config.jwt.secret}`);
  logger.info(`webhook secret configured: ${Boolean(config.webhookSecret)}`);
  logger.info(`pdf renderers: ${config.pdfRenderers.length}`);
}

module.exports = config;
module.exports.describeConfig = describeConfig;
