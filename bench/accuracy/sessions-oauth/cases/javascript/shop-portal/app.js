"use strict";

const path = require("path");
const express = require("express");
const session = require("express-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");
const cookieParser = require("cookie-parser");
const passport = require("passport");
const morgan = require("morgan");

const sessionConfig = require("./config/session");
const { restoreFromRememberMe } = require("./middleware/auth");
require("./auth/passport");

const authRoutes = require("./routes/auth");
const accountRoutes = require("./routes/account");
const cartRoutes = require("./routes/cart");

const app = express();

const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch((err) => {
  console.error("redis connection failed", err);
});

app.set("views", path.join(__dirname, "views"));
app.set("view engine", "ejs");
app.set("trust proxy", 1);

app.use(morgan(process.env.NODE_ENV === "production" ? "combined" : "dev"));
app.use(express.urlencoded({ extended: false }));
app.use(express.json({ limit: "100kb" }));
app.use(cookieParser());
app.use(express.static(path.join(__dirname, "public"), { maxAge: "7d" }));

app.use(session(sessionConfig(new RedisStore({ client: redisClient, prefix: "shop:" }))));
app.use(passport.initialize());
app.use(passport.session());
app.use(restoreFromRememberMe);

app.use((req, res, next) => {
  res.locals.currentUser = req.user || req.session.user || null;
  res.locals.cartCount = (req.session.cart || []).length;
  next();
});

app.use("/auth", authRoutes);
app.use("/account", accountRoutes);
app.use("/cart", cartRoutes);

app.get("/", (req, res) => {
  res.render("home");
});

app.get("/healthz", (req, res) => {
  res.json({ status: "ok", uptime: process.uptime() });
});

app.use((req, res) => {
  res.status(404).render("404");
});

// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).render("error", { message: "Something went wrong" });
});

module.exports = app;
