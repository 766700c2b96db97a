import { Issuer, type Client } from "openid-client";

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`missing environment variable ${name}`);
  return value;
}

export const workforceRedirectUri = `${env("PUBLIC_URL")}/auth/sso/callback`;
export const ledgerlyRedirectUri = `${env("PUBLIC_URL")}/billing/integrations/ledgerly/callback`;

let workforceClient: Promise<Client> | undefined;
let ledgerlyClient: Client | undefined;

/** Okta (OIDC, discovery) for employees of customer organisations. */
export function getWorkforceClient(): Promise<Client> {
  workforceClient ??= Issuer.discover(env("OIDC_ISSUER_URL")).then(
    (issuer) =>
      new issuer.Client({
        client_id: env("OIDC_CLIENT_ID"),
        client_secret: env("OIDC_CLIENT_SECRET"),
        redirect_uris: [workforceRedirectUri],
        response_types: ["code"],
        id_token_signed_response_alg: "RS256",
      }),
  );
  return workforceClient;
}

/** Ledgerly accounting API: plain OAuth 2.0, no discovery document. */
export function getLedgerlyClient(): Client {
  if (!ledgerlyClient) {
    const issuer = new Issuer({
      issuer: env("LEDGERLY_ISSUER"),
      authorization_endpoint: `${env("LEDGERLY_ISSUER")}/oauth/authorize`,
      token_endpoint: `${env("LEDGERLY_ISSUER")}/oauth/token`,
    });
    ledgerlyClient = new issuer.Client({
      client_id: env("LEDGERLY_CLIENT_ID"),
      client_secret: env("LEDGERLY_CLIENT_SECRET"),
      redirect_uris: [ledgerlyRedirectUri],
      response_types: ["code"],
    });
  }
  return ledgerlyClient;
}
