import { Issuer, generators, type Client } from "openid-client";

/**
 * Two identity providers:
 *  - GardenID: the regional growers' federation (confidential client).
 *  - CoopLogin: the food co-op's member app, registered as a *public* client
 *    (no secret; the co-op does not issue secrets to partners).
 */
let gardenId: Client | undefined;
let coopLogin: Client | undefined;

export const GARDENID_REDIRECT = `${process.env.PUBLIC_URL}/auth/gardenid/callback`;
export const COOP_REDIRECT = `${process.env.PUBLIC_URL}/auth/coop/callback`;

export async function gardenIdClient(): Promise<Client> {
  if (!gardenId) {
    const issuer = await Issuer.discover("https://id.gardenfederation.example");
    gardenId = new issuer.Client({
      client_id: process.env.GARDENID_CLIENT_ID!,
      client_secret: process.env.GARDENID_CLIENT_SECRET!,
      redirect_uris: [GARDENID_REDIRECT],
      response_types: ["code"],
    });
  }
  return gardenId;
}

export async function coopClient(): Promise<Client> {
  if (!coopLogin) {
    const issuer = await Issuer.discover("https://login.foodcoop.example");
    coopLogin = new issuer.Client({
      client_id: process.env.COOP_CLIENT_ID!,
      redirect_uris: [COOP_REDIRECT],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    });
  }
  return coopLogin;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier?: string;
}

export async function startGardenId(): Promise<{ url: string; pending: PendingLogin }> {
  const client = await gardenIdClient();
  const pending = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier() };
  const url = client.authorizationUrl({
    scope: "openid email profile",
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: generators.codeChallenge(pending.codeVerifier),
    code_challenge_method: "S256",
  });
  return { url, pending };
}

export async function startCoop(): Promise<{ url: string; pending: PendingLogin }> {
  const client = await coopClient();
  const pending = { state: generators.state(), nonce: generators.nonce() };
  const url = client.authorizationUrl({ scope: "openid email", state: pending.state, nonce: pending.nonce });
  return { url, pending };
}
