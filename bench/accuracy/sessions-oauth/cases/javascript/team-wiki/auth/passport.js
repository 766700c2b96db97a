"use strict";

const crypto = require("crypto");
const passport = require("passport");
const { Strategy: LocalStrategy } = require("passport-local");
const GoogleStrategy = require("passport-google-oauth20");
const OAuth2Strategy = require("passport-oauth2");
const bcrypt = require("bcrypt");
const { User } = require("../models");

const baseUrl = process.env.PUBLIC_URL;

passport.serializeUser((user, done) => done(null, { id: user.id, name: user.displayName }));
passport.deserializeUser(async (data, done) => {
  try {
    done(null, (await User.findByPk(data.id)) || false);
  } catch (err) {
    done(err);
  }
});

// Guest editors (contractors) sign in with a password.
passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    try {
      const user = await User.scope("withHash").findOne({ where: { email, kind: "guest" } });
      if (!user || !(await bcrypt.compare(password, user.passwordHash))) return done(null, false);
      return done(null, user);
    } catch (err) {
      return done(err);
    }
  })
);

async function findOrCreateEmployee(provider, profileId, email, displayName) {
  const [user] = await User.findOrCreate({
    where: { provider, providerId: profileId },
    defaults: { email, displayName, kind: "employee" },
  });
  return user;
}

passport.use(
  new GoogleStrategy(
    {
      clientID: process.env.GOOGLE_CLIENT_ID,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET,
      callbackURL: `${baseUrl}/auth/google/callback`,
      state: true,
    },
    async (accessToken, refreshToken, profile, done) => {
      try {
        const email = profile.emails[0].value;
        done(null, await findOrCreateEmployee("google", profile.id, email, profile.displayName));
      } catch (err) {
        done(err);
      }
    }
  )
);

// Self-hosted GitLab; the wiki is registered there as a non-confidential app.
const gitlab = new OAuth2Strategy(
  {
    authorizationURL: `${process.env.GITLAB_URL}/oauth/authorize`,
    tokenURL: `${process.env.GITLAB_URL}/oauth/token`,
    clientID: process.env.GITLAB_APP_ID,
    callbackURL: `${baseUrl}/auth/gitlab/callback`,
    scope: ["read_user"],
    state: true,
    pkce: "plain",
  },
  async (accessToken, refreshToken, params, profile, done) => {
    try {
      const res = await fetch(`${process.env.GITLAB_URL}/api/v4/user`, {
        headers: { Authorization: `Bearer ${accessToken}` },
      });
      const me = await res.json();
      done(null, await findOrCreateEmployee("gitlab", String(me.id), me.email, me.name));
    } catch (err) {
      done(err);
    }
  }
);
passport.use("gitlab", gitlab);

// Atlassian (confluence import); public client, no secret configured.
const atlassian = new OAuth2Strategy(
  {
    authorizationURL: "https://auth.atlassian.com/authorize",
    tokenURL: "https://auth.atlassian.com/oauth/token",
    clientID: process.env.ATLASSIAN_CLIENT_ID,
    callbackURL: `${baseUrl}/auth/atlassian/callback`,
    scope: ["read:confluence-content.all", "offline_access"],
    state: true,
  },
  (accessToken, refreshToken, params, profile, done) => done(null, { atlassianToken: accessToken })
);
passport.use("atlassian", atlassian);

/** Keeps OAuth state in the server-side session with a per-request nonce. */
class SessionStateStore {
  store(req, ctx, appState, meta, cb) {
    const handle = crypto.randomBytes(24).toString("base64url");
    req.session.keycloakState = { handle, returnTo: appState && appState.returnTo };
    cb(null, handle);
  }

  verify(req, providedState, cb) {
    const saved = req.session.keycloakState;
    delete req.session.keycloakState;
    if (!saved || !providedState || saved.handle.length !== providedState.length) {
      return cb(null, false, { message: "invalid state" });
    }
    const ok = crypto.timingSafeEqual(Buffer.from(saved.handle), Buffer.from(providedState));
    return cb(null, ok, ok ? { returnTo: saved.returnTo } : { message: "invalid state" });
  }
}

const keycloak = new OAuth2Strategy(
  {
    authorizationURL: `${process.env.KEYCLOAK_REALM_URL}/protocol/openid-connect/auth`,
    tokenURL: `${process.env.KEYCLOAK_REALM_URL}/protocol/openid-connect/token`,
    clientID: process.env.KEYCLOAK_CLIENT_ID,
    clientSecret: process.env.KEYCLOAK_CLIENT_SECRET,
    callbackURL: `${baseUrl}/auth/keycloak/callback`,
    store: new SessionStateStore(),
  },
  async (accessToken, refreshToken, params, profile, done) => {
    try {
      const claims = JSON.parse(Buffer.from(params.id_token.split(".")[1], "base64url").toString());
      done(null, await findOrCreateEmployee("keycloak", claims.sub, claims.email, claims.name));
    } catch (err) {
      done(err);
    }
  }
);
passport.use("keycloak", keycloak);

module.exports = passport;
