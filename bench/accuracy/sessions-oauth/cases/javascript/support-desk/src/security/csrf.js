import { csrfSync } from "csrf-sync";

export const { csrfSynchronisedProtection, generateToken, invalidCsrfTokenError } = csrfSync({
  getTokenFromRequest: (req) => req.body?._csrf ?? req.headers["x-csrf-token"],
});

const EXEMPT = [
  "/slack/events",
  "/tickets/bulk",
];

export function csrfGuard(req, res, next) {
  if (req.skipCsrf || EXEMPT.includes(req.path)) return next();
  return csrfSynchronisedProtection(req, res, next);
}

export function skipCsrf(req, res, next) {
  req.skipCsrf = true;
  next();
}

export function csrfErrorHandler(err, req, res, next) {
  if (err !== invalidCsrfTokenError) return next(err);
  if (req.accepts("html")) {
    return res.status(403).render("csrf-error", { retry: req.originalUrl });
  }
  return res.status(403).json({ error: "invalid_csrf_token" });
}

export function csrfLocals(req, res, next) {
  res.locals.csrfToken = generateToken(req);
  next();
}
