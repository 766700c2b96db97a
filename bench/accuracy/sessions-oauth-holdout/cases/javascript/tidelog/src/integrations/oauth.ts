import { Router } from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { PendingLink, ProviderAccount } from "../models";

/**
 * Account linking with catch-data providers. Tidelog is a confidential client
 * of both (secrets live on this server), so PKCE is not required by them.
 */
export const linkRouter = Router();
export const providerCallbacks = Router();

const GARMIN = {
  authorizeUrl: "https://connect.garmin.example/oauth2/authorize",
  tokenUrl: "https://connect.garmin.example/oauth2/token",
  clientId: process.env.GARMIN_CLIENT_ID!,
  clientSecret: process.env.GARMIN_CLIENT_SECRET!,
  redirectUri: `${process.env.API_URL}/oauth/garmin/callback`,
};

const WINDY = {
  authorizeUrl: "https://account.windy.example/oauth/authorize",
  tokenUrl: "https://account.windy.example/oauth/token",
  clientId: process.env.WINDY_CLIENT_ID!,
  clientSecret: process.env.WINDY_CLIENT_SECRET!,
  redirectUri: `${process.env.API_URL}/oauth/windy/callback`,
};

function userIdOf(req: unknown): string {
  return String((req as { auth?: { sub?: string } }).auth?.sub);
}

linkRouter.post("/garmin", async (req, res) => {
  const state = randomBytes(24).toString("hex");
  await PendingLink.create({ provider: "garmin", state, userId: userIdOf(req), expiresAt: new Date(Date.now() + 10 * 60_000) });
  const url = new URL(GARMIN.authorizeUrl);
  url.search = new URLSearchParams({ response_type: "code", client_id: GARMIN.clientId, redirect_uri: GARMIN.redirectUri, scope: "activities", state }).toString();
  res.json({ openInBrowser: url.toString() });
});

providerCallbacks.get("/garmin/callback", async (req, res) => {
  const returned = Buffer.from(String(req.query.state ?? ""));
  const pending = await PendingLink.findOne({ where: { provider: "garmin", state: String(req.query.state ?? "") } });
  if (!pending || pending.expiresAt < new Date() || !timingSafeEqual(returned, Buffer.from(pending.state))) {
    return res.status(400).send("Link request expired. Start again from the app.");
  }
  await pending.destroy();
  const tokenRes = await fetch(GARMIN.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code: String(req.query.code), redirect_uri: GARMIN.redirectUri, client_id: GARMIN.clientId, client_secret: GARMIN.clientSecret }),
  });
  if (!tokenRes.ok) return res.status(502).send("Garmin did not accept the code.");
  const tokens = (await tokenRes.json()) as { access_token: string; refresh_token: string };
  await ProviderAccount.upsert({ userId: pending.userId, provider: "garmin", accessToken: tokens.access_token, refreshToken: tokens.refresh_token });
  return res.send("Garmin linked. You can return to Tidelog.");
});

linkRouter.post("/windy", (req, res) => {
  const params = new URLSearchParams({
    response_type: "code",
    client_id: WINDY.clientId,
    redirect_uri: WINDY.redirectUri,
    scope: "forecast.read",
    state: `tidelog-${userIdOf(req)}`,
  });
  res.json({ openInBrowser: `${WINDY.authorizeUrl}?${params}` });
});

providerCallbacks.get("/windy/callback", async (req, res) => {
  const userId = String(req.query.state ?? "").replace(/^tidelog-/, "");
  const tokenRes = await fetch(WINDY.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${WINDY.clientId}:${WINDY.clientSecret}`).toString("base64")}` },
    body: new URLSearchParams({ grant_type: "authorization_code", code: String(req.query.code), redirect_uri: WINDY.redirectUri }),
  });
  if (!tokenRes.ok) return res.status(502).send("Windy did not accept the code.");
  const tokens = (await tokenRes.json()) as { access_token: string; refresh_token?: string };
  await ProviderAccount.upsert({ userId, provider: "windy", accessToken: tokens.access_token, refreshToken: tokens.refresh_token ?? null });
  return res.send("Windy linked. You can return to Tidelog.");
});
