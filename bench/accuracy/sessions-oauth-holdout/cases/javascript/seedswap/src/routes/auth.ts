import { Router, type Request } from "express";
import passport from "passport";
import { gardenIdClient, coopClient, startGardenId, startCoop, GARDENID_REDIRECT, COOP_REDIRECT } from "../auth/oidc.js";
import { prisma } from "../db.js";
import { verifySmsChallenge } from "../sms.js";

const router = Router();
const SITE = new URL(process.env.PUBLIC_URL ?? "https://seedswap.example");

const DESTINATIONS: Record<string, string> = {
  catalog: "/catalog",
  swaps: "/swaps",
  library: "/library/branches",
};

function sameSiteTarget(raw: unknown): string {
  if (typeof raw !== "string" || raw === "") return "/";
  try {
    const target = new URL(raw, SITE);
    return target.origin === SITE.origin ? target.pathname + target.search : "/";
  } catch {
    return "/";
  }
}

router.get("/google", passport.authenticate("google"));

router.get("/google/callback", (req, res, next) => {
  passport.authenticate("google", (err: Error | null, member: Express.User | false) => {
    if (err || !member) return res.status(401).json({ error: "google sign-in failed" });
    req.login(member, (loginErr) => (loginErr ? next(loginErr) : res.json({ ok: true })));
  })(req, res, next);
});

router.post("/sms/verify", async (req, res) => {
  const challenge = await verifySmsChallenge(String(req.body.phone), String(req.body.code));
  if (!challenge) return res.status(401).json({ error: "wrong code" });
  req.session.userId = challenge.memberId;
  const next = String(req.body.next ?? "/");
  if (next.startsWith("/")) return res.redirect(next);
  return res.json({ ok: true });
});

router.get("/continue", (req, res) => {
  const returnTo = req.query.returnTo as string;
  res.redirect(returnTo);
});

router.get("/go", (req, res) => {
  res.redirect(DESTINATIONS[String(req.query.to)] ?? "/catalog");
});

router.get("/gardenid", async (req, res) => {
  const { url, pending } = await startGardenId();
  req.session.oidc = { ...pending, returnTo: req.query.returnTo };
  res.redirect(url);
});

router.get("/gardenid/callback", async (req: Request, res, next) => {
  try {
    const pending = req.session.oidc;
    if (!pending) return res.status(400).json({ error: "no login in progress" });
    const client = await gardenIdClient();
    const params = client.callbackParams(req);
    const tokens = await client.callback(GARDENID_REDIRECT, params, { code_verifier: pending.codeVerifier, nonce: pending.nonce });
    const claims = tokens.claims();
    const member = await prisma.member.upsert({
      where: { email: String(claims.email).toLowerCase() },
      update: {},
      create: { email: String(claims.email).toLowerCase(), displayName: String(claims.name ?? "") },
    });
    req.session.user = { id: member.id, via: "gardenid" };
    return res.redirect(sameSiteTarget(pending.returnTo));
  } catch (err) {
    return next(err);
  }
});

router.get("/coop", async (req, res) => {
  const { url, pending } = await startCoop();
  req.session.coopLogin = pending;
  return res.redirect(303, url);
});

router.get("/coop/callback", async (req, res, next) => {
  const pending = req.session.coopLogin;
  if (!pending) return res.status(400).json({ error: "no login in progress" });
  const client = await coopClient();
  const tokens = await client.callback(COOP_REDIRECT, client.callbackParams(req), { state: pending.state, nonce: pending.nonce });
  const member = await prisma.member.findUnique({ where: { coopSub: tokens.claims().sub } });
  if (!member) return res.status(403).json({ error: "not a seedswap member" });
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.user = { id: member.id, via: "coop" };
    res.json({ ok: true });
  });
});

router.post("/logout", (req, res, next) => {
  req.logout((err) => {
    if (err) return next(err);
    req.session.destroy((destroyErr) => (destroyErr ? next(destroyErr) : res.status(204).end()));
  });
});

export default router;
