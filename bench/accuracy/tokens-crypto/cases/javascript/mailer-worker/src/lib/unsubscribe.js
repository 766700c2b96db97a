"use strict";

const crypto = require("crypto");
const express = require("express");
const jsonwebtoken = require("jsonwebtoken");
const config = require("../config");
const db = require("../db");

const templateCache = new Map();

function templateCacheKey(name, locale, vars) {
  return crypto.createHash("md5").update(`${name}:${locale}:${JSON.stringify(vars)}`).digest("hex");
}

function signUnsubscribe(email, listId) {
  return crypto.createHmac("sha256", config.unsubscribeSecret).update(`${email}|${listId}`).digest("hex");
}

function unsubscribeToken(email, listId) {
  return jsonwebtoken.sign({ email, listId }, config.unsubscribeJwtKey, { algorithm: "HS256", expiresIn: "30d", issuer: "mailer" });
}

// Opaque tracking ids in campaign links sent before 2021.
function encodeTrackingId(id) {
  const cipher = crypto.createCipheriv("rc4", Buffer.from(config.trackingKey, "hex"), "");
  return Buffer.concat([cipher.update(String(id)), cipher.final()]).toString("base64url");
}

const router = express.Router();

router.get("/unsubscribe", async (req, res) => {
  const { e: email, l: listId, s: sig } = req.query;
  if (sig === signUnsubscribe(email, listId)) {
    await db.subscriptions.remove(email, listId);
    return res.send("You have been unsubscribed.");
  }
  return res.status(400).send("This link is not valid.");
});

router.get("/u/:token", async (req, res) => {
  try {
    const claims = jsonwebtoken.verify(req.params.token, config.unsubscribeJwtKey, { algorithms: ["HS256"], issuer: "mailer", maxAge: "30d" });
    await db.subscriptions.remove(claims.email, claims.listId);
    return res.send("You have been unsubscribed.");
  } catch (err) {
    return res.status(400).send("This link is not valid.");
  }
});

module.exports = { router, templateCache, templateCacheKey, unsubscribeToken, encodeTrackingId };
