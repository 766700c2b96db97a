import { Router } from "express";
import * as invoices from "../services/invoices";

const router = Router();

function requireScope(scope: string) {
  return (req: Express.Request, res: import("express").Response, next: import("express").NextFunction) => {
    if (!req.apiClient?.scopes.includes(scope)) {
      res.status(403).json({ error: "insufficient_scope", scope });
      return;
    }
    next();
  };
}

router.get("/invoices", requireScope("invoices:read"), async (req, res, next) => {
  try {
    const page = Math.max(1, Number(req.query.page) || 1);
    res.json(await invoices.listForOrg(req.apiClient!.orgId, { page, pageSize: 50 }));
  } catch (err) {
    next(err);
  }
});

router.post("/invoices", requireScope("invoices:write"), async (req, res, next) => {
  try {
    const invoice = await invoices.createDraft(req.apiClient!.orgId, {
      customerId: String(req.body.customerId),
      currency: String(req.body.currency ?? "EUR").slice(0, 3),
    });
    res.status(201).json(invoice);
  } catch (err) {
    next(err);
  }
});

router.delete("/invoices/:id", requireScope("invoices:write"), async (req, res, next) => {
  try {
    await invoices.voidDraft(req.apiClient!.orgId, req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

export default router;
