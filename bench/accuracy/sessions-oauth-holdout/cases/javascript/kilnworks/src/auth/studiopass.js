import { Router } from "express";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import * as oidc from "openid-client";
import passport from "passport";
import OAuth2Strategy from "passport-oauth2";
import { db } from "../db.js";

/**
 * Linking a member's external accounts:
 *  - StudioPass (regional open-studio network, OIDC, confidential client)
 *  - GlazeLab (glaze recipe library; public client, no secret issued)
 *  - KilnSupply (supplier shop; confidential client)
 *  - ClayCloud (supplier loyalty programme; public client as well)
 */
const router = Router();
const BASE = process.env.PUBLIC_URL ?? "https://kilnworks.studio";

let studioPassConfig;
async function studioPass() {
  studioPassConfig ??= await oidc.discovery(
    new URL("https://id.studiopass.example"),
    process.env.STUDIOPASS_CLIENT_ID,
    process.env.STUDIOPASS_CLIENT_SECRET,
  );
  return studioPassConfig;
}

function requireMember(req, res, next) {
  return req.user ? next() : res.status(401).render("login", { error: null, next: "" });
}

router.get("/studiopass", requireMember, async (req, res) => {
  const config = await studioPass();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  req.session.studioPass = { codeVerifier, state };
  const authUrl = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${BASE}/connect/studiopass/callback`,
    scope: "openid profile membership",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
  });
  res.redirect(authUrl.href);
});

router.get("/studiopass/callback", requireMember, async (req, res) => {
  const pending = req.session.studioPass;
  delete req.session.studioPass;
  if (!pending) return res.status(400).render("connect-failed", { provider: "StudioPass" });
  const current = new URL(req.originalUrl, BASE);
  const tokens = await oidc.authorizationCodeGrant(await studioPass(), current, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state });
  await db("linked_accounts")
    .insert({ member_id: req.user.id, provider: "studiopass", subject: tokens.claims().sub })
    .onConflict(["member_id", "provider"])
    .merge();
  return res.render("connected", { provider: "StudioPass" });
});

const GLAZELAB = {
  authorize: "https://glazelab.example/oauth/authorize",
  token: "https://glazelab.example/oauth/token",
  clientId: process.env.GLAZELAB_CLIENT_ID,
  redirectUri: `${BASE}/connect/glazelab/callback`,
};

function glazeLabAuthorizeUrl(state, verifier) {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: GLAZELAB.clientId,
    redirect_uri: GLAZELAB.redirectUri,
    code_challenge: verifier,
    code_challenge_method: "plain",
    state,
  });
  return `${GLAZELAB.authorize}?${query}`;
}

router.get("/glazelab", requireMember, (req, res) => {
  const state = randomBytes(16).toString("hex");
  const verifier = randomBytes(32).toString("base64url");
  req.session.glazeLab = { state, verifier };
  res.render("connect-redirect", { href: glazeLabAuthorizeUrl(state, verifier) });
});

router.get("/glazelab/callback", requireMember, async (req, res) => {
  const pending = req.session.glazeLab ?? {};
  const got = createHash("sha256").update(String(req.query.state ?? "")).digest();
  const want = createHash("sha256").update(String(pending.state ?? "")).digest();
  if (!pending.state || !timingSafeEqual(got, want)) return res.status(400).render("connect-failed", { provider: "GlazeLab" });
  const tokenRes = await fetch(GLAZELAB.token, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "authorization_code", code: String(req.query.code), client_id: GLAZELAB.clientId, redirect_uri: GLAZELAB.redirectUri, code_verifier: pending.verifier }),
  });
  const tokens = await tokenRes.json();
  await db("linked_accounts").insert({ member_id: req.user.id, provider: "glazelab", access_token: tokens.access_token }).onConflict(["member_id", "provider"]).merge();
  return res.render("connected", { provider: "GlazeLab" });
});

const KILNSUPPLY = {
  authorize: "https://kilnsupply.example/oauth2/auth",
  token: "https://kilnsupply.example/oauth2/token",
  clientId: process.env.KILNSUPPLY_CLIENT_ID,
  clientSecret: process.env.KILNSUPPLY_CLIENT_SECRET,
  redirectUri: `${BASE}/connect/kilnsupply/callback`,
};

router.get("/kilnsupply", requireMember, (req, res) => {
  const kilnSupplyState = Date.now().toString();
  req.session.kilnSupplyState = kilnSupplyState;
  const q = new URLSearchParams({ response_type: "code", client_id: KILNSUPPLY.clientId, redirect_uri: KILNSUPPLY.redirectUri, scope: "orders", state: kilnSupplyState });
  res.render("connect-redirect", { href: `${KILNSUPPLY.authorize}?${q}` });
});

router.get("/kilnsupply/callback", requireMember, async (req, res) => {
  if (!req.session.kilnSupplyState || req.query.state !== req.session.kilnSupplyState) {
    return res.status(400).render("connect-failed", { provider: "KilnSupply" });
  }
  delete req.session.kilnSupplyState;
  const basic = Buffer.from(`${KILNSUPPLY.clientId}:${KILNSUPPLY.clientSecret}`).toString("base64");
  const tokenRes = await fetch(KILNSUPPLY.token, {
    method: "POST",
    headers: { authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: "authorization_code", code: String(req.query.code), redirect_uri: KILNSUPPLY.redirectUri }),
  });
  const tokens = await tokenRes.json();
  await db("linked_accounts").insert({ member_id: req.user.id, provider: "kilnsupply", access_token: tokens.access_token }).onConflict(["member_id", "provider"]).merge();
  return res.render("connected", { provider: "KilnSupply" });
});

passport.use(
  "claycloud",
  new OAuth2Strategy(
    {
      authorizationURL: "https://rewards.claycloud.example/authorize",
      tokenURL: "https://rewards.claycloud.example/token",
      clientID: process.env.CLAYCLOUD_CLIENT_ID,
      clientSecret: "",
      callbackURL: `${BASE}/connect/claycloud/callback`,
      state: true,
    },
    (accessToken, _refreshToken, profile, done) => done(null, { accessToken }),
  ),
);

router.get("/claycloud", requireMember, passport.authorize("claycloud"));
router.get("/claycloud/callback", requireMember, passport.authorize("claycloud"), async (req, res) => {
  await db("linked_accounts").insert({ member_id: req.user.id, provider: "claycloud", access_token: req.account.accessToken }).onConflict(["member_id", "provider"]).merge();
  res.render("connected", { provider: "ClayCloud" });
});

export default router;
