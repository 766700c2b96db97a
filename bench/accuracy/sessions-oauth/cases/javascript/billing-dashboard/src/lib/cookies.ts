import type { CookieOptions } from "express";

/** Defaults for any cookie that carries a credential. */
export const credentialCookie: Readonly<CookieOptions> = {
  httpOnly: true,
  secure: true,
  sameSite: "lax",
  path: "/",
};

export function shortLivedCredential(maxAgeMs: number): CookieOptions {
  return { ...credentialCookie, maxAge: maxAgeMs };
}

/**
 * Options the old embeddable invoice widget was built against; kept so the
 * widget on customers' intranets keeps loading.
 */
export function widgetCookieOptions(maxAgeMs: number): CookieOptions {
  return { httpOnly: true, maxAge: maxAgeMs, path: "/embed" };
}

export function preferenceCookie(maxAgeMs: number): CookieOptions {
  return { maxAge: maxAgeMs, sameSite: "lax" };
}
