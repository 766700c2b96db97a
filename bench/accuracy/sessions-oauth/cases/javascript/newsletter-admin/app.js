"use strict";

const express = require("express");
const session = require("express-session");
const MemoryStore = require("memorystore")(session);
const lusca = require("lusca");
const nunjucks = require("nunjucks");
const adminRoutes = require("./routes/admin");
const campaignRoutes = require("./routes/campaigns");

const app = express();
nunjucks.configure("views", { autoescape: true, express: app });

app.use(express.urlencoded({ extended: false }));

app.use(session({
  name: "nl_admin",
  secret: process.env.SESSION_SECRET,
  store: new MemoryStore({ checkPeriod: 60 * 60 * 1000 }),
  resave: false,
  saveUninitialized: false,
  cookie: { secure: false, httpOnly: true, sameSite: "lax", maxAge: 4 * 60 * 60 * 1000 },
}));

// Campaign HTML is previewed in an iframe on the same origin.
app.use(lusca({
  csrf: false,
  xframe: "SAMEORIGIN",
  nosniff: true,
  referrerPolicy: "same-origin",
  hsts: { maxAge: 31536000 },
}));

app.use("/", adminRoutes);
app.use("/campaigns", campaignRoutes);

const port = Number(process.env.PORT || 3500);
app.listen(port, () => console.log(`newsletter-admin on ${port}`));

module.exports = app;
