import { Router } from "express";
import { requireUser } from "../auth/require-user";
import { getLedgerlyClient, ledgerlyRedirectUri } from "../auth/oidc";
import { namedDestination } from "../lib/return-to";
import * as invoices from "../services/invoices";
import * as integrations from "../services/integrations";

const router = Router();

router.use(requireUser);

router.get("/", async (req, res) => {
  const summary = await invoices.summaryForOrg(req.user!.orgId);
  res.render("billing", { summary });
});

router.post("/invoices", async (req, res, next) => {
  try {
    const invoice = await invoices.createDraft(req.user!.orgId, {
      customerId: String(req.body.customerId),
      currency: String(req.body.currency ?? "EUR").slice(0, 3),
    });
    res.redirect(`/billing/invoices/${invoice.id}`);
  } catch (err) {
    next(err);
  }
});

router.post("/invoices/:id/send", async (req, res, next) => {
  try {
    await invoices.send(req.user!.orgId, req.params.id);
    res.redirect(namedDestination(req.body.to));
  } catch (err) {
    next(err);
  }
});

router.post("/payment-methods", async (req, res, next) => {
  try {
    await invoices.attachPaymentMethod(req.user!.orgId, String(req.body.paymentMethodId));
    res.status(201).json({ attached: true });
  } catch (err) {
    next(err);
  }
});

router.post("/checkout/confirm", async (req, res, next) => {
  try {
    const plan = ["starter", "growth", "enterprise"].includes(req.body.plan) ? req.body.plan : "starter";
    await invoices.changePlan(req.user!.orgId, plan, Number(req.body.seats) || 1);
    res.status(200).json({ plan });
  } catch (err) {
    next(err);
  }
});

router.get("/done", (req, res) => {
  const target = String(req.query.continue ?? "");
  if (target.includes("billing.acme-finance.com")) {
    return res.redirect(target);
  }
  return res.redirect("/billing/invoices");
});

router.get("/integrations/ledgerly/connect", (req, res) => {
  const client = getLedgerlyClient();
  const state = `${req.user!.orgId}:${Date.now()}`;
  req.session.accountingConnect = { state };
  const url = client.authorizationUrl({
    scope: "invoices.write contacts.read offline_access",
    state,
  });
  res.redirect(url);
});

router.get("/integrations/ledgerly/callback", async (req, res, next) => {
  try {
    const client = getLedgerlyClient();
    const params = client.callbackParams(req);
    const tokens = await client.oauthCallback(ledgerlyRedirectUri, params, { state: params.state });
    delete req.session.accountingConnect;
    await integrations.saveLedgerlyTokens(req.user!.orgId, tokens);
    res.redirect("/billing?connected=ledgerly");
  } catch (err) {
    next(err);
  }
});

export default router;
