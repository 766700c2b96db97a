import express from "express";
import helmet from "helmet";
import { rateLimit } from "express-rate-limit";
import { UnauthorizedError } from "express-jwt";
import { requireAuth, requireAuthV1 } from "./auth/jwt.js";
import { RefreshError } from "./services/refresh-tokens.js";
import authV1 from "./routes/auth-v1.js";
import authV2 from "./routes/auth-v2.js";
import devices from "./routes/devices.js";
import oauth from "./routes/oauth.js";
import orders from "./routes/orders.js";
import legacy from "./routes/legacy.js";

export function buildApp() {
  const app = express();

  app.disable("x-powered-by");
  app.set("trust proxy", 2);
  app.use(helmet());
  app.use(express.json({ limit: "64kb" }));

  const authLimiter = rateLimit({ windowMs: 60_000, limit: 20, standardHeaders: "draft-7", legacyHeaders: false });

  app.use("/v1/auth", authLimiter, authV1);
  app.use("/v2/auth", authLimiter, authV2);
  app.use("/oauth", oauth);
  app.use("/v2", devices);

  // All API routes below authenticate with `Authorization: Bearer`; the API sets no cookies.
  app.use("/v1", requireAuthV1, legacy);
  app.use("/v2/orders", requireAuth, orders);

  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });

  app.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err instanceof UnauthorizedError || err instanceof RefreshError) {
      return res.status(401).json({ error: err instanceof RefreshError ? err.code : "invalid_token" });
    }
    if (err && typeof err === "object" && "issues" in err) {
      return res.status(400).json({ error: "invalid_request" });
    }
    return next(err);
  });

  return app;
}
