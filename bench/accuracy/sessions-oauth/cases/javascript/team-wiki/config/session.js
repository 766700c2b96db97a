"use strict";

const session = require("express-session");
const SequelizeStore = require("connect-session-sequelize")(session.Store);
const { sequelize } = require("../models");

const store = new SequelizeStore({
  db: sequelize,
  checkExpirationInterval: 15 * 60 * 1000,
  expiration: 12 * 60 * 60 * 1000,
  table: "Session",
  extendDefaultFields: (defaults, sess) => ({
    data: defaults.data,
    expires: defaults.expires,
    userId: sess.passport && sess.passport.user ? sess.passport.user.id : null,
  }),
});

// The realtime editor's websocket handshake reads the sid from document.cookie
// and sends it as the first frame.
const cookie = {
  secure: true,
  httpOnly: false,
  sameSite: "lax",
  maxAge: 12 * 60 * 60 * 1000,
};

module.exports = {
  store,
  options: {
    name: "wiki.sid",
    secret: process.env.SESSION_SECRET,
    store,
    resave: false,
    saveUninitialized: false,
    proxy: true,
    cookie,
  },
};
