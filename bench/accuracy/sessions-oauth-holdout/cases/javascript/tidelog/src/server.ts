import express from "express";
import { requireBearer } from "./auth/guard";
import authRouter from "./routes/auth";
import tripsRouter from "./routes/trips";
import crewRouter from "./routes/crew";
import { linkRouter, providerCallbacks } from "./integrations/oauth";

/**
 * The mobile app authenticates with `Authorization: Bearer <jwt>` only; this
 * API sets no cookies and keeps no server-side session.
 */
const app = express();
app.disable("x-powered-by");
app.use(express.json({ limit: "1mb" }));

app.get("/healthz", (_req, res) => {
  res.json({ ok: true });
});

app.use("/auth", authRouter);
app.use("/trips", requireBearer, tripsRouter);
app.use("/crew", requireBearer, crewRouter);
app.use("/integrations", requireBearer, linkRouter);
// Provider redirects land here from the system browser; the pending-link row
// identifies the user.
app.use("/oauth", providerCallbacks);

app.use((err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
  if (err.name === "UnauthorizedError") {
    res.status(401).json({ error: "invalid or revoked token" });
    return;
  }
  console.error(err);
  res.status(err.status ?? 500).json({ error: "internal" });
});

app.listen(Number(process.env.PORT ?? 4000));

export default app;
