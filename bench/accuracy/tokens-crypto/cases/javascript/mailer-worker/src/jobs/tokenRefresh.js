"use strict";

// Keeps the worker's own OAuth access token for the mail provider API fresh.
const jsonwebtoken = require("jsonwebtoken");
const pino = require("pino");
const config = require("../config");
const http = require("../http");

const logger = pino({ name: "token-refresh" });
let current = null;
let timer = null;

function nodeMajor() {
  const [major] = process.versions.node.split(".");
  return Number(major);
}

async function fetchToken() {
  const res = await http.post(config.provider.tokenUrl, {
    grant_type: "client_credentials",
    client_id: config.provider.clientId,
    client_secret: config.provider.clientSecret,
    scope: "mail.send",
  });
  return res.data.access_token;
}

function scheduleRefresh(token) {
  const { exp, jti } = jsonwebtoken.decode(token);
  const skew = 30000 + Math.floor(Math.random() * 15000);
  const delay = Math.max(0, exp * 1000 - Date.now() - skew);
  logger.info({ jti, refreshInMs: delay }, "provider token refresh scheduled");
  clearTimeout(timer);
  timer = setTimeout(refresh, delay);
}

async function refresh() {
  try {
    current = await fetchToken();
    logger.debug(`provider access token: ${current}`);
    scheduleRefresh(current);
  } catch (err) {
    logger.error({ status: err.response && err.response.status }, "provider token refresh failed");
    timer = setTimeout(refresh, 5000);
  }
}

function getToken() {
  if (!current) throw new Error("provider token not yet available");
  return current;
}

if (nodeMajor() < 18) {
  logger.warn("node < 18 is not supported by the provider SDK");
}

module.exports = { refresh, getToken };
