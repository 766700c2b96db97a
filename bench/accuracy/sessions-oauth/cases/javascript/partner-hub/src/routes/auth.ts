import { Router } from "express";
import bcrypt from "bcrypt";
import { db } from "../services/db";
import {
  createRefreshToken,
  findRefreshToken,
  refreshCookieBase,
  requirePartner,
  signPartnerJwt,
} from "../auth/tokens";
import { isPartnerUrl } from "../lib/redirects";

const router = Router();

router.get("/login", (req, res) => {
  res.render("login", { next: req.query.next ?? "", error: req.session?.flash });
});

router.post("/login", async (req, res, next) => {
  try {
    const partner = await db("partners").where({ email: String(req.body.email).toLowerCase() }).first();
    if (!partner || !(await bcrypt.compare(String(req.body.password), partner.password_hash))) {
      req.session = { flash: "Wrong email or password" };
      return res.redirect("/auth/login");
    }
    const jwtToken = signPartnerJwt({ id: partner.id, orgId: partner.org_id, role: partner.role });
    const refreshToken = await createRefreshToken(partner.id);
    res.cookie("partner_jwt", jwtToken, { httpOnly: true, secure: true, sameSite: "none", maxAge: 30 * 60 * 1000 });
    res.cookie("partner_refresh", refreshToken, { ...refreshCookieBase, path: "/auth/refresh" });
    const nextUrl = String(req.body.next ?? "");
    if (nextUrl && isPartnerUrl(nextUrl)) {
      return res.redirect(nextUrl);
    }
    return res.redirect("/account");
  } catch (err) {
    return next(err);
  }
});

router.post("/refresh", async (req, res, next) => {
  try {
    const row = await findRefreshToken(req.cookies.partner_refresh);
    if (!row) return res.status(401).json({ error: "invalid_refresh_token" });
    const partner = await db("partners").where({ id: row.partner_id }).first();
    const rotated = await createRefreshToken(partner.id);
    res.cookie("partner_jwt", signPartnerJwt({ id: partner.id, orgId: partner.org_id, role: partner.role }), {
      ...refreshCookieBase,
      maxAge: 30 * 60 * 1000,
    });
    res.cookie("partner_refresh", rotated, { ...refreshCookieBase, httpOnly: false, path: "/auth/refresh" });
    return res.status(204).end();
  } catch (err) {
    return next(err);
  }
});

router.post("/logout", requirePartner, (req, res) => {
  req.session = null;
  res.clearCookie("partner_jwt").clearCookie("partner_refresh", { path: "/auth/refresh" });
  res.redirect("/auth/login?bye=1");
});

export default router;
