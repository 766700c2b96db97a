import { Router } from "express";
import bcrypt from "bcrypt";
import { db } from "../services/db";
import { signAdminJwt, signAdminRefresh, verifyAdminRefresh } from "../auth/tokens";

/** Internal console used by the partner-success team (SPA, tokens in memory). */
const router = Router();

router.post("/login", async (req, res) => {
  const admin = await db("admins").where({ username: String(req.body.username) }).first();
  if (!admin || !(await bcrypt.compare(String(req.body.password), admin.password_hash))) {
    return res.status(401).json({ error: "invalid_credentials" });
  }
  return res.json({ accessToken: signAdminJwt(admin.id), refreshToken: signAdminRefresh(admin.id) });
});

router.post("/token/refresh", (req, res) => {
  try {
    const claims = verifyAdminRefresh(String(req.body.refreshToken));
    const adminId = String(claims.sub);
    const refreshToken = signAdminRefresh(adminId);
    res.json({ accessToken: signAdminJwt(adminId), refreshToken });
  } catch {
    res.status(401).json({ error: "invalid_refresh_token" });
  }
});

router.get("/docs", (req, res) => {
  res.redirect(302, `https://docs.partnerhub.io/internal/${encodeURIComponent(String(req.query.page ?? "index"))}`);
});

export default router;
