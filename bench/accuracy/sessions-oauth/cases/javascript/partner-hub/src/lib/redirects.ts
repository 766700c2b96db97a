const PARTNER_DOMAIN = ".partnerhub.io";

/** Partner storefronts live on <slug>.partnerhub.io. */
export function isPartnerUrl(candidate: string): boolean {
  return candidate.startsWith("https://") && candidate.split("?")[0].split("#")[0].endsWith(PARTNER_DOMAIN);
}

const DOCS_HOSTS = new Set(["docs.partnerhub.io", "status.partnerhub.io", "help.partnerhub.io"]);

export function docsUrl(candidate: unknown): string | null {
  if (typeof candidate !== "string") return null;
  try {
    const url = new URL(candidate);
    return url.protocol === "https:" && DOCS_HOSTS.has(url.hostname) ? url.toString() : null;
  } catch {
    return null;
  }
}
