"use strict";

const path = require("path");
const express = require("express");
const session = require("express-session");
const passport = require("passport");
const cookieParser = require("cookie-parser");

const sessionConfig = require("./config/session");
const { csrfUnlessSkipped, profileCsrf, exposeToken, csrfErrors } = require("./config/csrf");
const { verifyGithubSignature } = require("./middleware/github-signature");
require("./auth/passport");

const authRoutes = require("./routes/auth");
const pagesRoutes = require("./routes/pages");
const profileRoutes = require("./routes/profile");
const adminRoutes = require("./routes/admin");
const hooksRoutes = require("./routes/hooks");
const cliRoutes = require("./routes/cli");

function createApp() {
  const app = express();
  app.set("trust proxy", 1);
  app.set("view engine", "pug");
  app.set("views", path.join(__dirname, "views"));

  // GitHub pushes doc updates; authenticated by the X-Hub-Signature-256 HMAC.
  app.use("/hooks", express.json({ verify: verifyGithubSignature }), hooksRoutes);

  // The `wiki` CLI sends a bearer token and never receives the session cookie.
  app.use("/api/cli", express.json(), cliRoutes);

  app.use(express.urlencoded({ extended: true }));
  app.use(express.json());
  app.use(cookieParser());
  app.use(session(sessionConfig.options));
  app.use(passport.authenticate("session"));

  app.use("/admin", adminRoutes);
  app.use("/profile", profileCsrf, exposeToken, profileRoutes);

  app.use(csrfUnlessSkipped);
  app.use(exposeToken);

  app.use("/auth", authRoutes);
  app.use("/", pagesRoutes);

  app.use(csrfErrors);
  return app;
}

module.exports = { createApp };
