import crypto from "node:crypto";
import { Router } from "express";
import type { Request as JWTRequest } from "express-jwt";
import { db } from "../services/db";
import { requirePartner } from "../auth/tokens";

const router = Router();
router.use(requirePartner);

const callbackBase = `${process.env.PUBLIC_URL}/integrations`;

const providers = {
  crm: {
    authorizeUrl: "https://oauth.pipeline-crm.example/authorize",
    tokenUrl: "https://oauth.pipeline-crm.example/token",
    clientId: process.env.CRM_CLIENT_ID ?? "",
    clientSecret: process.env.CRM_CLIENT_SECRET ?? "",
  },
  erp: {
    authorizeUrl: "https://login.ledger-erp.example/oauth2/auth",
    tokenUrl: "https://login.ledger-erp.example/oauth2/token",
    clientId: process.env.ERP_CLIENT_ID ?? "",
    clientSecret: process.env.ERP_CLIENT_SECRET ?? "",
  },
  marketplace: {
    authorizeUrl: "https://apps.market.example/oauth/authorize",
    tokenUrl: "https://apps.market.example/oauth/token",
    clientId: process.env.MARKET_CLIENT_ID ?? "",
    clientSecret: process.env.MARKET_CLIENT_SECRET ?? "",
  },
} as const;

type ProviderName = keyof typeof providers;

function authorizeUrl(name: ProviderName, state: string): string {
  const p = providers[name];
  const params = new URLSearchParams({
    response_type: "code",
    client_id: p.clientId,
    redirect_uri: `${callbackBase}/${name}/callback`,
    state,
  });
  return `${p.authorizeUrl}?${params}`;
}

function tokenRequestBody(name: ProviderName, code: string): URLSearchParams {
  const p = providers[name];
  return new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: `${callbackBase}/${name}/callback`,
    client_id: p.clientId,
    client_secret: p.clientSecret,
  });
}

async function saveConnection(partnerId: string, provider: ProviderName, tokens: Record<string, unknown>) {
  await db("integrations")
    .insert({ partner_id: partnerId, provider, access_token: tokens.access_token, refresh_token: tokens.refresh_token })
    .onConflict(["partner_id", "provider"])
    .merge();
}

router.get("/crm/connect", (req, res) => {
  const state = Date.now().toString();
  req.session!.crmState = state;
  res.redirect(authorizeUrl("crm", state));
});

router.get("/crm/callback", async (req: JWTRequest, res, next) => {
  try {
    const tokenRes = await fetch(providers.crm.tokenUrl, { method: "POST", body: tokenRequestBody("crm", String(req.query.code)) });
    await saveConnection(String(req.auth?.sub), "crm", await tokenRes.json());
    res.redirect("/integrations?connected=crm");
  } catch (err) {
    next(err);
  }
});

router.get("/erp/connect", (req, res) => {
  const state = crypto.randomBytes(16).toString("hex");
  req.session!.erpState = state;
  res.redirect(authorizeUrl("erp", state));
});

router.get("/erp/callback", async (req: JWTRequest, res, next) => {
  try {
    const expected = Buffer.from(String(req.session?.erpState ?? ""));
    const received = Buffer.from(String(req.query.state ?? ""));
    req.session!.erpState = undefined;
    if (expected.length === 0 || expected.length !== received.length || !crypto.timingSafeEqual(expected, received)) {
      return res.status(400).render("integration-error", { reason: "state mismatch" });
    }
    const tokenRes = await fetch(providers.erp.tokenUrl, { method: "POST", body: tokenRequestBody("erp", String(req.query.code)) });
    await saveConnection(String(req.auth?.sub), "erp", await tokenRes.json());
    return res.redirect("/integrations?connected=erp");
  } catch (err) {
    return next(err);
  }
});

router.get("/marketplace/connect", (req, res) => {
  const state = crypto.randomUUID();
  req.session!.marketState = state;
  req.session!.marketReturn = req.query.redirect_uri;
  res.redirect(authorizeUrl("marketplace", state));
});

router.get("/marketplace/callback", async (req: JWTRequest, res, next) => {
  try {
    if (typeof req.query.state !== "string" || req.query.state.length === 0) {
      return res.status(400).render("integration-error", { reason: "missing state" });
    }
    const tokenRes = await fetch(providers.marketplace.tokenUrl, { method: "POST", body: tokenRequestBody("marketplace", String(req.query.code)) });
    await saveConnection(String(req.auth?.sub), "marketplace", await tokenRes.json());
    return res.redirect(decodeURIComponent(String(req.session?.marketReturn ?? "/integrations")));
  } catch (err) {
    return next(err);
  }
});

export default router;
