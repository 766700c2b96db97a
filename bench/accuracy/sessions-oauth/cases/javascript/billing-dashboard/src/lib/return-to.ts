const APP_ORIGIN = new URL(process.env.PUBLIC_URL ?? "http://localhost:4000").origin;

/**
 * Resolve a user-supplied return path against our own origin and fall back
 * when it points anywhere else.
 */
export function safeReturnPath(candidate: unknown, fallback = "/billing"): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > 2048) {
    return fallback;
  }
  try {
    const url = new URL(candidate, APP_ORIGIN);
    if (url.origin !== APP_ORIGIN) {
      return fallback;
    }
    return url.href;
  } catch {
    return fallback;
  }
}

export const RETURN_DESTINATIONS: Readonly<Record<string, string>> = {
  invoices: "/billing/invoices",
  plans: "/billing/plans",
  usage: "/billing/usage",
  team: "/team",
};

export function namedDestination(key: unknown): string {
  return (typeof key === "string" && RETURN_DESTINATIONS[key]) || "/billing";
}
