import type { CookieOptions } from "express";
import type session from "express-session";

const isProd = process.env.NODE_ENV === "production";
const FIFTEEN_MINUTES = 15 * 60 * 1000;

/** Cookie settings for the express-session cookie. */
export function sessionCookie(): session.CookieOptions {
  return {
    httpOnly: true,
    secure: process.env.NODE_ENV === "production",
    sameSite: "lax",
    maxAge: 14 * 24 * 60 * 60 * 1000,
  };
}

/** Cookie settings for short-lived JWTs handed to the seed-catalogue SPA. */
export function tokenCookie(maxAge = FIFTEEN_MINUTES): CookieOptions {
  return { httpOnly: true, secure: isProd, sameSite: "strict", path: "/", maxAge };
}

/** Shared defaults for the embeddable widget. */
export const widgetCookieBase: CookieOptions = {
  secure: true,
  sameSite: "lax",
  path: "/widget-api",
};
