import type { NextFunction, Request, Response } from "express";
import { doubleCsrf } from "csrf-csrf";

const csrfSecret = process.env.CSRF_SECRET;
if (!csrfSecret) {
  throw new Error("CSRF_SECRET is required");
}

const { doubleCsrfProtection, generateToken, invalidCsrfTokenError } = doubleCsrf({
  getSecret: () => csrfSecret,
  cookieName: "__Host-billing.x-csrf-token",
  cookieOptions: { sameSite: "strict", secure: true, httpOnly: true, path: "/" },
  size: 64,
  getTokenFromRequest: (req) => (req.headers["x-csrf-token"] as string | undefined) ?? req.body?._csrf,
});

/**
 * Paths that receive requests the browser form flow never produces.
 * Keep this list short: everything else goes through doubleCsrfProtection.
 */
const CSRF_EXEMPT_PREFIXES: readonly string[] = [
  "/webhooks/stripe",
  "/billing/payment-methods",
  "/billing/checkout/confirm",
];

export function skipCsrf(req: Request, _res: Response, next: NextFunction): void {
  req.csrfSkip = true;
  next();
}

export function csrfGuard(req: Request, res: Response, next: NextFunction): void {
  if (req.csrfSkip || CSRF_EXEMPT_PREFIXES.some((prefix) => req.path.startsWith(prefix))) {
    return next();
  }
  return doubleCsrfProtection(req, res, next);
}

export function exposeCsrfToken(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = generateToken(req, res);
  next();
}

export function csrfErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (err === invalidCsrfTokenError) {
    res.status(403).json({ error: "invalid_csrf_token" });
    return;
  }
  next(err);
}
