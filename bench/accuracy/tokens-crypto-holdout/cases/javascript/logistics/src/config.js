"use strict";
// Haulwise configuration. Everything comes from the environment; defaults are for local runs.
const fs = require("fs");
const path = require("path");

const env = process.env;

const jwtSettings = Object.freeze({
  issuer: env.JWT_ISSUER || "https://auth.haulwise.example",
  audience: env.JWT_AUDIENCE || "haulwise-api",
  algorithms: ["RS256"],
});

module.exports = {
  port: Number(env.PORT || 8080),
  jwt: jwtSettings,
  publicKey: fs.readFileSync(env.JWT_PUBLIC_KEY_PATH || path.join(__dirname, "..", "keys", "public.pem")),
  driverAppSecret: env.DRIVER_APP_SECRET || "dev-driver-secret",
  // Customer portal accounts were created by the old PHP app with these settings.
  pbkdf2Iterations: Number(env.PBKDF2_ITERATIONS || 10000),
  pbkdf2IterationsV2: 600000,
  bcryptRounds: 12,
  carrierWebhookSecret: env.CARRIER_WEBHOOK_SECRET || "",
  carrierApiKey: env.CARRIER_API_KEY || "",
  partnerApiKey: env.PARTNER_API_KEY || "",
  mapsApiKey: env.MAPS_API_KEY || "",
  manifestKey: Buffer.from(env.MANIFEST_KEY_HEX || "00".repeat(32), "hex"),
};
