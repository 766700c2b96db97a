import express from "express";
import session from "express-session";
import cookieParser from "cookie-parser";
import { sessionOptions } from "./config.js";
import { csrfGuard, csrfLocals, skipCsrf, invalidCsrfTokenError } from "./security/csrf.js";
import { verifySlackSignature } from "./routes/slack.js";
import slackRouter from "./routes/slack.js";
import agentAuthRouter from "./routes/agent-auth.js";
import portalRouter from "./routes/portal.js";
import ticketsRouter from "./routes/tickets.js";
import macrosRouter from "./routes/macros.js";
import accountRouter from "./routes/account.js";
import agentApi from "./api/agent-api.js";

export const app = express();

app.set("trust proxy", 1);
app.set("view engine", "ejs");

app.use("/api/agent", express.json(), agentApi);

app.use(express.urlencoded({ extended: false, verify: verifySlackSignature }));
app.use(express.json());
app.use(cookieParser());
app.use(session(sessionOptions));

app.use("/macros", macrosRouter);

// The account export/delete buttons post from an iframe that can't read the token.
app.use(["/account/export", "/account/delete"], skipCsrf);

app.use(csrfGuard);
app.use(csrfLocals);

app.use("/slack", slackRouter);
app.use("/agent", agentAuthRouter);
app.use("/portal", portalRouter);
app.use("/tickets", ticketsRouter);
app.use("/account", accountRouter);

app.use((err, req, res, next) => {
  if (err === invalidCsrfTokenError) return res.status(403).send("Invalid CSRF token");
  return next(err);
});
