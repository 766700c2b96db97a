import { Router } from "express";
import * as oidc from "openid-client";
import { config } from "../config.js";
import { prisma } from "../db.js";
import { signAccessToken } from "../auth/jwt.js";
import { stashOAuthTransaction, takeOAuthTransaction } from "../services/denylist.js";
import * as refreshTokens from "../services/refresh-tokens.js";

/**
 * Sign-in through Orderly ID (our customer identity service) and the
 * loyalty-programme provider, driven from the app's
 * in-app browser. This backend is registered as a public client with both
 * providers (no client secret is shipped or stored).
 */
const router = Router();

let ciamConfig: Promise<oidc.Configuration> | undefined;
let loyaltyConfig: Promise<oidc.Configuration> | undefined;

const ciamRedirect = `${config.oauth.redirectBase}/oauth/ciam/callback`;
const loyaltyRedirect = `${config.oauth.redirectBase}/oauth/loyalty/callback`;

function ciam() {
  ciamConfig ??= oidc.discovery(new URL(config.oauth.ciamIssuer), config.oauth.ciamClientId, undefined, oidc.None());
  return ciamConfig;
}

function loyalty() {
  loyaltyConfig ??= oidc.discovery(new URL(config.oauth.loyaltyIssuer), config.oauth.loyaltyClientId, undefined, oidc.None());
  return loyaltyConfig;
}

router.get("/ciam/start", async (_req, res, next) => {
  try {
    const cfg = await ciam();
    const state = oidc.randomState();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const codeChallenge = await oidc.calculatePKCECodeChallenge(codeVerifier);
    await stashOAuthTransaction(state, { codeVerifier });
    const authorizationUrl = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: ciamRedirect,
      scope: "openid email",
      state,
      code_challenge: codeChallenge,
      code_challenge_method: "S256",
    });
    res.redirect(authorizationUrl.href);
  } catch (err) {
    next(err);
  }
});

router.get("/ciam/callback", async (req, res, next) => {
  try {
    const cfg = await ciam();
    const currentUrl = new URL(req.originalUrl, config.oauth.redirectBase);
    const tx = await takeOAuthTransaction(String(currentUrl.searchParams.get("state")));
    if (!tx) return res.status(400).json({ error: "unknown_state" });
    const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl, {
      pkceCodeVerifier: tx.codeVerifier,
      expectedState: String(currentUrl.searchParams.get("state")),
    });
    const claims = tokens.claims();
    const user = await prisma.user.upsert({
      where: { ciamSubject: String(claims?.sub) },
      update: {},
      create: { ciamSubject: String(claims?.sub), email: String(claims?.email), passwordHash: "" },
    });
    const { token: accessToken } = signAccessToken(user);
    const refreshToken = await refreshTokens.issue(user.id);
    res.redirect(`orderly://signed-in#access_token=${accessToken}&refresh_token=${refreshToken}`);
  } catch (err) {
    next(err);
  }
});

router.get("/loyalty/start", async (_req, res, next) => {
  try {
    const cfg = await loyalty();
    const loyaltyUrl = oidc.buildAuthorizationUrl(cfg, {
      redirect_uri: loyaltyRedirect,
      scope: "openid points:read",
    });
    res.redirect(loyaltyUrl.href);
  } catch (err) {
    next(err);
  }
});

router.get("/loyalty/callback", async (req, res, next) => {
  try {
    const cfg = await loyalty();
    const currentUrl = new URL(req.originalUrl, config.oauth.redirectBase);
    const tokens = await oidc.authorizationCodeGrant(cfg, currentUrl);
    await prisma.loyaltyLink.create({
      data: { subject: String(tokens.claims()?.sub), accessToken: tokens.access_token },
    });
    res.redirect("orderly://loyalty/linked");
  } catch (err) {
    next(err);
  }
});

export default router;
