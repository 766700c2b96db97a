import { readFileSync } from "node:fs";

function fromEnv(name, fallback) {
  const value = process.env[name] ?? fallback;
  if (value === undefined || value === "") {
    throw new Error(`admin-portal: ${name} is not set`);
  }
  return value;
}

export const settings = {
  sso: {
    issuer: fromEnv("SSO_ISSUER", "https://login.acme.test/"),
    jwksUri: fromEnv("SSO_JWKS_URI", "https://login.acme.test/.well-known/jwks.json"),
    clientId: fromEnv("SSO_CLIENT_ID", "admin-portal"),
  },
  staffJwtSecret: fromEnv("STAFF_JWT_SECRET"),
  schedulerJwtSecret: fromEnv("SCHEDULER_JWT_SECRET"),
  inviteSecret: fromEnv("INVITE_SECRET"),
  helpdeskSecret: fromEnv("HELPDESK_JWT_SECRET"),
  helpdeskIssuer: "https://helpdesk.acme.test/",
  crm: {
    issuer: "https://crm.acme.test/",
    jwksUri: "https://crm.acme.test/.well-known/jwks.json",
    publicKey: readFileSync(fromEnv("CRM_PUBLIC_KEY_PATH", "/etc/admin-portal/crm.pub"), "utf8"),
  },
  erp: {
    publicKey: readFileSync(fromEnv("ERP_PUBLIC_KEY_PATH", "/etc/admin-portal/erp.pub"), "utf8"),
  },
  warehouse: {
    sharedSecret: fromEnv("WAREHOUSE_SHARED_SECRET"),
    url: fromEnv("WAREHOUSE_URL", "https://wms.acme.test/api"),
  },
  passwordHashing: {
    // the CRM portal verifies these hashes itself and times out above cost 9
    crmBcryptRounds: 9,
  },
};

// Every RS256 integration starts from these and adds its own claims.
export const baseVerifyOptions = Object.freeze({ algorithms: ["RS256"] });

export function assertSecrets(logger) {
  if (settings.inviteSecret.length < 32) {
    throw new Error(`INVITE_SECRET must be at least 32 characters (got ${settings.inviteSecret.length})`);
  }
  if (process.env.NODE_ENV === "production" && settings.staffJwtSecret.startsWith("dev-")) {
    logger.fatal(`refusing to start with the development JWT secret ${settings.staffJwtSecret}`);
    process.exit(1);
  }
}
