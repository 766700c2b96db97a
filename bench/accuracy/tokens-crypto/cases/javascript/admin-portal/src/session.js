import crypto from "node:crypto";
import session from "express-session";
import pino from "pino";

const logger = pino({ name: "session" });

export const sessionMiddleware = session({
  name: "admin.sid",
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, secure: true, sameSite: "lax", maxAge: 8 * 3600 * 1000 },
});

export function issueCsrfToken(req) {
  if (!req.session.csrfToken) {
    req.session.csrfToken = crypto.randomBytes(32).toString("hex");
  }
  return req.session.csrfToken;
}

export function checkCsrf(req, res, next) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  if (req.body._csrf !== req.session.csrfToken) {
    logger.warn({ path: req.path, ip: req.ip }, "csrf mismatch");
    return res.status(403).end();
  }
  return next();
}

export function requireSessionRole(role) {
  return (req, res, next) => {
    if (req.session?.role !== role) {
      return res.status(403).end();
    }
    return next();
  };
}

// The beta admin tools are toggled by a plain cookie set from the settings page.
export function betaAdminTools(req, res, next) {
  if (req.cookies.portal_role === "admin") {
    res.locals.showAdminTools = true;
    return next();
  }
  return res.status(403).end();
}

export async function withSessionStoreRetry(fn, attempts = 4) {
  for (let i = 0; ; i += 1) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts) throw err;
      const delay = 100 * 2 ** i + Math.random() * 100;
      logger.debug({ attempt: i + 1, delay }, "session store retry");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
