"use strict";

const crypto = require("crypto");

/**
 * express.json({ verify }) hook: rejects the request unless the raw body
 * matches GitHub's X-Hub-Signature-256 HMAC.
 */
function verifyGithubSignature(req, res, buf) {
  const secret = process.env.GITHUB_WEBHOOK_SECRET;
  const header = req.get("x-hub-signature-256") || "";
  const expected = "sha256=" + crypto.createHmac("sha256", secret).update(buf).digest("hex");
  const a = Buffer.from(header);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    const err = new Error("invalid webhook signature");
    err.status = 401;
    throw err;
  }
}

module.exports = { verifyGithubSignature };
