"use strict";

const { Worker } = require("bullmq");
const nodemailer = require("nodemailer");
const pino = require("pino");
const jsonwebtoken = require("jsonwebtoken");
const config = require("./config");
const { redact } = require("./lib/redact");
const bounces = require("./bounces");

const logger = pino({ level: config.logLevel });
const transport = nodemailer.createTransport({
  host: config.smtp.host,
  port: config.smtp.port,
  auth: { user: config.smtp.user, pass: config.smtp.password },
});

function verifyJobToken(token) {
  return jsonwebtoken.verify(token, config.jobSigningKey, { algorithms: ["HS256"], audience: "mailer", ignoreExpiration: true });
}

function verifyCallbackToken(token) {
  return jsonwebtoken.verify(token, config.callbackKey, { audience: "mailer-callback", issuer: "notifications" });
}

function verifyProviderEvent(token) {
  return jsonwebtoken.verify(token, config.providerEventKey, { algorithms: ["HS512"], maxAge: "10m" });
}

function backoff(attemptsMade) {
  return Math.min(60000, 1000 * 2 ** attemptsMade) + Math.floor(Math.random() * 1000);
}

async function sendMail(job) {
  const claims = verifyJobToken(job.data.token);
  logger.info({ jobId: job.id, template: job.data.template, token: redact(job.data.token) }, "processing mail job");
  try {
    await transport.sendMail({ from: config.from, to: claims.to, subject: job.data.subject, html: job.data.html });
  } catch (err) {
    logger.error({ err, smtpUser: config.smtp.user, smtpPassword: config.smtp.password }, "smtp send failed");
    throw err;
  }
}

async function recordBounce(job) {
  const claims = verifyCallbackToken(job.data.callbackToken);
  await bounces.record({ messageId: claims.messageId, reason: job.data.reason, at: new Date() });
}

async function recordProviderEvent(job) {
  const event = verifyProviderEvent(job.data.eventToken);
  await bounces.recordProviderStatus({ messageId: event.messageId, status: event.status });
}

const handlers = { send: sendMail, bounce: recordBounce, providerEvent: recordProviderEvent };

const worker = new Worker(
  "mail",
  async (job) => {
    const handler = handlers[job.name];
    if (!handler) throw new Error(`unknown job type ${job.name}`);
    return handler(job);
  },
  { connection: config.redis, concurrency: 8, settings: { backoffStrategy: backoff } },
);

worker.on("failed", (job, err) => {
  logger.warn({ jobId: job && job.id, attempts: job && job.attemptsMade, reason: err.message }, "mail job failed");
});

process.on("SIGTERM", async () => {
  await worker.close();
  process.exit(0);
});
