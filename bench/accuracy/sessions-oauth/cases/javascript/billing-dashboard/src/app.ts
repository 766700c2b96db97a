import "reflect-metadata";
import path from "node:path";
import express from "express";
import session from "express-session";
import connectPgSimple from "connect-pg-simple";
import cookieParser from "cookie-parser";
import helmet from "helmet";
import passport from "passport";

import { pool } from "./services/db";
import { sessionOptions } from "./lib/session-options";
import { csrfGuard, csrfErrorHandler, exposeCsrfToken, skipCsrf } from "./security/csrf";
import { bearerAuth } from "./auth/bearer";
import "./auth/local";
import authRouter from "./routes/auth";
import accountRouter from "./routes/account";
import billingRouter from "./routes/billing";
import teamRouter from "./routes/team";
import webhooksRouter from "./routes/webhooks";
import publicApiRouter from "./routes/public-api";

const PgStore = connectPgSimple(session);

export function createApp(): express.Express {
  const app = express();

  app.set("trust proxy", 1);
  app.set("view engine", "pug");
  app.set("views", path.join(__dirname, "..", "views"));
  app.use(helmet());

  // Machine-to-machine API: bearer keys only, never reads the session cookie.
  app.use("/api/v2", express.json(), bearerAuth, publicApiRouter);

  // Stripe needs the raw body for signature verification.
  app.use("/webhooks", express.raw({ type: "application/json" }));

  app.use(express.urlencoded({ extended: false }));
  app.use(express.json());
  app.use(cookieParser(process.env.COOKIE_SECRET));

  app.use(session(sessionOptions(new PgStore({ pool, tableName: "http_sessions" }))));
  app.use(passport.initialize());
  app.use(passport.session());

  app.use("/team", teamRouter);

  app.use("/account/api", skipCsrf);
  app.use(csrfGuard);
  app.use(exposeCsrfToken);

  app.use("/auth", authRouter);
  app.use("/account", accountRouter);
  app.use("/billing", billingRouter);
  app.use("/webhooks", webhooksRouter);

  app.get("/", (req, res) => {
    res.render(req.user ? "dashboard" : "landing");
  });

  app.use(csrfErrorHandler);
  return app;
}
