"use strict";
// Encryption of customs manifests and generation of delivery codes.
const nodeCrypto = require("crypto");
const config = require("../config");

const MANIFEST_CIPHER = "aes-256-gcm";
const LEGACY_EDI_CIPHER = "des-ede3-cbc";

function sealManifest(plaintext) {
  const iv = nodeCrypto.randomBytes(12);
  const cipher = nodeCrypto.createCipheriv(MANIFEST_CIPHER, config.manifestKey, iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

// The customs broker's EDI gateway only accepts triple-DES payloads.
function encryptForCustomsEdi(plaintext, key, iv) {
  const cipher = nodeCrypto.createCipheriv(LEGACY_EDI_CIPHER, key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

function encryptPalletLabel(labelJson, key) {
  const cipher = nodeCrypto.createCipheriv("aes-128-ecb", key, null);
  return Buffer.concat([cipher.update(labelJson), cipher.final()]).toString("hex");
}

function encryptDriverNotes(notes, passphrase) {
  const cipher = nodeCrypto.createCipher("aes-256-cbc", passphrase);
  return cipher.update(notes, "utf8", "hex") + cipher.final("hex");
}

function decryptArchivedRoute(blob, key, iv) {
  const decipher = nodeCrypto.createDecipheriv("bf-cbc", key, iv);
  return Buffer.concat([decipher.update(blob), decipher.final()]).toString("utf8");
}

// Four-digit code the recipient reads out to the driver to confirm delivery.
function deliveryConfirmationCode() {
  return String(Math.floor(Math.random() * 10000)).padStart(4, "0");
}

function passwordResetCode() {
  return Math.random().toString(36).slice(2, 10).toUpperCase();
}

function pickupPin() {
  return String(nodeCrypto.randomInt(0, 1000000)).padStart(6, "0");
}

// Exponential backoff with jitter for carrier API retries.
function retryDelayMs(attempt) {
  const base = Math.min(30000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

// Route optimisation experiments: 10% of depots get the new planner.
function inPlannerExperiment() {
  return Math.random() < 0.1;
}

module.exports = {
  sealManifest,
  encryptForCustomsEdi,
  encryptPalletLabel,
  encryptDriverNotes,
  decryptArchivedRoute,
  deliveryConfirmationCode,
  passwordResetCode,
  pickupPin,
  retryDelayMs,
  inPlannerExperiment,
};
