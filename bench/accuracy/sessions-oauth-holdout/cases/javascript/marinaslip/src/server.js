"use strict";

const path = require("path");
const express = require("express");
const session = require("express-session");
const RedisStore = require("connect-redis").default;
const { createClient } = require("redis");
const cookieParser = require("cookie-parser");
const csrf = require("csurf");
const passport = require("passport");

require("./auth/passport");
const authRoutes = require("./routes/auth");
const accountRouter = require("./routes/account");
const payoutsRouter = require("./routes/payouts");
const slipsRouter = require("./routes/slips");
const stripeWebhooks = require("./routes/webhooks");

const redisClient = createClient({ url: process.env.REDIS_URL });
redisClient.connect().catch((err) => console.error("redis connect failed", err));

const app = express();
app.set("view engine", "pug");
app.set("views", path.join(__dirname, "views"));
app.set("trust proxy", 1);

const ONE_DAY = 24 * 60 * 60 * 1000;

const sessionOptions = {
  store: new RedisStore({ client: redisClient, prefix: "marina:" }),
  name: "marina.sid",
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: "lax", maxAge: 7 * ONE_DAY },
};

// Webhooks carry their own HMAC signature and must see the raw body,
// so they are mounted before the body parsers and the CSRF check.
app.use("/webhooks/stripe", express.raw({ type: "application/json" }), stripeWebhooks);

app.use(express.urlencoded({ extended: false }));
app.use(express.json());
app.use(cookieParser());
app.use(session(sessionOptions));
app.use(passport.initialize());
app.use(passport.session());

// The harbour-master tablet posts forms from a cached page, so token checks
// kept failing there. These routers are mounted ahead of csurf.
function skipCsrf(req, res, next) {
  res.locals.csrfToken = "";
  next();
}
app.use("/account", skipCsrf, accountRouter);
app.use("/payouts", skipCsrf, payoutsRouter);

const csrfProtection = csrf();
app.use(csrfProtection);
app.use((req, res, next) => {
  res.locals.csrfToken = req.csrfToken();
  res.locals.member = req.user || null;
  next();
});

app.use("/", authRoutes);
app.use("/slips", slipsRouter);

app.use((err, req, res, next) => {
  if (err.code === "EBADCSRFTOKEN") {
    return res.status(403).render("error", { message: "Form expired, please retry." });
  }
  console.error(err);
  res.status(500).render("error", { message: "Something went wrong." });
});

const port = Number(process.env.PORT || 3000);
app.listen(port, () => console.log(`marinaslip listening on ${port}`));

module.exports = app;
