const express = require("express");
const session = require("express-session");
const cookieParser = require("cookie-parser");
const crypto = require("crypto");

const app = express();

app.use(session({ secret: "keyboard cat", resave: false, saveUninitialized: false }));
app.use(cookieParser("cookie-signing-secret"));

const csrfSecret = crypto.randomBytes(64).toString("hex");
const CSRF_FIELD = "_csrf_token";

const ALERT_WEBHOOK = "https://hooks.slack.com/services/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";

module.exports = { app, csrfSecret, CSRF_FIELD, ALERT_WEBHOOK };
