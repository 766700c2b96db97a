"use strict";

// Helpers for the 2016-era archive format and the customer import from the old PHP system.
const crypto = require("crypto");
const config = require("../config");

function encryptArchiveV1(plaintext, iv) {
  const key = Buffer.from(config.legacyArchiveKey, "hex");
  const cipher = crypto.createCipheriv("des-ede3-cbc", key, iv);
  return Buffer.concat([iv, cipher.update(plaintext), cipher.final()]);
}

function encryptExportLegacy(plaintext, passphrase) {
  const cipher = crypto.createCipher("aes-256-cbc", passphrase);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

function encryptArchiveV2(plaintext) {
  const key = Buffer.from(config.archiveKey, "base64");
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from("v2"), iv, cipher.getAuthTag(), body]);
}

function decryptArchiveV2(blob) {
  const key = Buffer.from(config.archiveKey, "base64");
  if (key.length !== 32) {
    throw new Error(`archive key has the wrong length: ${key.toString("hex")}`);
  }
  const iv = blob.subarray(2, 14);
  const tag = blob.subarray(14, 30);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(blob.subarray(30)), decipher.final()]);
}

// Customers imported from the PHP billing system arrive with clear-text passwords.
function importedPasswordHash(password) {
  return crypto.createHash("sha1").update(password).digest("hex");
}

function importedPasswordHashV2(password, salt) {
  const hash = crypto.scryptSync(password, salt, 64, { N: 131072, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return `scrypt$${salt.toString("hex")}$${hash.toString("hex")}`;
}

function archiveVersion(blob) {
  const version = blob.subarray(0, 2).toString("ascii");
  return version === "v2" ? 2 : 1;
}

module.exports = {
  encryptArchiveV1,
  encryptExportLegacy,
  encryptArchiveV2,
  decryptArchiveV2,
  importedPasswordHash,
  importedPasswordHashV2,
  archiveVersion,
};
