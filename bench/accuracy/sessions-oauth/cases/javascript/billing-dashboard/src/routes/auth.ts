import { Router, type Request } from "express";
import passport from "passport";
import { promisify } from "node:util";
import { generators } from "openid-client";
import { getWorkforceClient, workforceRedirectUri } from "../auth/oidc";
import { safeReturnPath } from "../lib/return-to";
import * as users from "../services/users";

const router = Router();

function regenerate(req: Request): Promise<void> {
  return promisify(req.session.regenerate.bind(req.session))();
}

router.get("/login", (req, res) => {
  if (typeof req.query.returnTo === "string") {
    req.session.returnTo = req.query.returnTo;
  }
  res.render("login", { error: req.query.error ?? null });
});

router.post("/login", (req, res, next) => {
  passport.authenticate("local", (err: unknown, user: Express.User | false) => {
    if (err) return next(err);
    if (!user) return res.redirect("/auth/login?error=invalid");
    const returnTo = req.session.returnTo;
    req.login(user, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.redirect(safeReturnPath(returnTo));
    });
  })(req, res, next);
});

router.get("/sso", async (req, res, next) => {
  try {
    const client = await getWorkforceClient();
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    req.session.oidc = { state, nonce, codeVerifier };
    const authUrl = client.authorizationUrl({
      scope: "openid email profile",
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: "S256",
    });
    res.redirect(authUrl);
  } catch (err) {
    next(err);
  }
});

router.get("/sso/callback", async (req, res, next) => {
  try {
    const client = await getWorkforceClient();
    const tx = req.session.oidc;
    if (!tx) return res.redirect("/auth/login?error=expired");
    const params = client.callbackParams(req);
    const tokenSet = await client.callback(workforceRedirectUri, params, {
      state: tx.state,
      nonce: tx.nonce,
      code_verifier: tx.codeVerifier,
    });
    const claims = tokenSet.claims();
    const user = await users.upsertWorkforceUser(claims.sub, String(claims.email));
    await regenerate(req);
    req.session.userId = user.id;
    return res.redirect("/billing");
  } catch (err) {
    return next(err);
  }
});

router.post("/recovery", async (req, res, next) => {
  try {
    const user = await users.verifyRecoveryCode(String(req.body.email), String(req.body.code));
    if (!user) return res.redirect("/auth/login?error=recovery");
    Object.assign(req.session, { userId: user.id, orgId: user.orgId, mfa: "recovery" });
    return res.redirect("/account/security?recovered=1");
  } catch (err) {
    return next(err);
  }
});

router.post("/accountant/login", async (req, res, next) => {
  try {
    const accountant = await users.verifyAccountant(String(req.body.email), String(req.body.password));
    if (!accountant) return res.redirect("/auth/login?error=accountant");
    req.session.accountantId = accountant.id;
    return res.redirect("/accountant/clients");
  } catch (err) {
    return next(err);
  }
});

router.post("/invite/:token", async (req, res, next) => {
  try {
    const invite = await users.acceptInvite(req.params.token, String(req.body.password));
    req.session.regenerate(() => undefined);
    req.session.userId = invite.userId;
    res.redirect(303, "/billing?welcome=1");
  } catch (err) {
    next(err);
  }
});

router.get("/switch-org", (req, res) => {
  const next = String(req.query.next ?? "/billing");
  res.redirect(new URL(next, process.env.PUBLIC_URL).href);
});

router.post("/logout", (req, res, next) => {
  req.logout((err) => {
    if (err) return next(err);
    req.session.destroy((destroyErr) => {
      if (destroyErr) return next(destroyErr);
      res.clearCookie("billing.sid", { path: "/" });
      return res.redirect("/auth/login?signedOut=1");
    });
  });
});

export default router;
