import express, { type RequestHandler } from "express";
import session from "express-session";
import pgSession from "connect-pg-simple";
import cookieParser from "cookie-parser";
import { doubleCsrf } from "csrf-csrf";
import passport from "passport";

import "./auth/google.js";
import { sessionCookie } from "./cookies.js";
import authRouter from "./routes/auth.js";
import ordersRouter from "./routes/orders.js";
import profileRouter from "./routes/profile.js";
import widgetRouter from "./routes/widget.js";
import webhooksRouter from "./routes/webhooks.js";

const PgStore = pgSession(session);
const app = express();
app.set("trust proxy", 1);

const { doubleCsrfProtection, generateToken } = doubleCsrf({
  getSecret: () => process.env.CSRF_SECRET!,
  cookieName: "__Host-seedswap.x-csrf",
  cookieOptions: { sameSite: "strict", secure: true, path: "/" },
  getTokenFromRequest: (req) => (req.headers["x-csrf-token"] as string) ?? req.body?._csrf,
});

// Signed webhooks from the shipping partner; verified in the router itself.
app.use("/webhooks", express.raw({ type: "application/json" }), webhooksRouter);

app.use(express.json({ limit: "200kb" }));
app.use(express.urlencoded({ extended: false }));
app.use(cookieParser(process.env.COOKIE_SECRET));
app.use(session({
  store: new PgStore({ conString: process.env.DATABASE_URL, tableName: "web_sessions" }),
  name: "seedswap.sid",
  secret: process.env.SESSION_SECRET!.split(","),
  resave: false,
  saveUninitialized: false,
  cookie: sessionCookie(),
}));
app.use(passport.initialize());
app.use(passport.session());

app.get("/csrf-token", (req, res) => {
  res.json({ token: generateToken(req, res) });
});

// The profile editor is a legacy iframe that cannot send the header token yet.
const skipCsrfCheck: RequestHandler = (_req, _res, next) => next();
app.use("/profile", skipCsrfCheck, profileRouter);

app.use("/auth", doubleCsrfProtection, authRouter);
app.use("/orders", doubleCsrfProtection, ordersRouter);
app.use("/widget-api", doubleCsrfProtection, widgetRouter);

app.use(((err, _req, res, _next) => {
  if (err?.code === "EBADCSRFTOKEN") {
    res.status(403).json({ error: "csrf" });
    return;
  }
  console.error(err);
  res.status(500).json({ error: "internal" });
}) as express.ErrorRequestHandler);

const port = Number(process.env.PORT ?? 8080);
app.listen(port, () => console.log(`seedswap on :${port}`));

export default app;
