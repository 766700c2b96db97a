"use strict";

const passport = require("passport");
const { Strategy: LocalStrategy } = require("passport-local");
const GitHubStrategy = require("passport-github2").Strategy;
const { Strategy: GoogleStrategy } = require("passport-google-oauth20");
const OAuth2Strategy = require("passport-oauth2");
const bcrypt = require("bcrypt");
const users = require("../services/users");

const publicUrl = process.env.PUBLIC_URL || "http://localhost:3000";

passport.serializeUser((user, done) => done(null, user.id));

passport.deserializeUser(async (id, done) => {
  try {
    done(null, await users.findById(id));
  } catch (err) {
    done(err);
  }
});

passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    try {
      const user = await users.findByEmail(email);
      if (!user) return done(null, false);
      const matches = await bcrypt.compare(password, user.passwordHash);
      return done(null, matches ? user : false);
    } catch (err) {
      return done(err);
    }
  })
);

passport.use(
  new GitHubStrategy(
    {
      clientID: process.env.GITHUB_CLIENT_ID,
      clientSecret: process.env.GITHUB_CLIENT_SECRET,
      callbackURL: `${publicUrl}/auth/github/callback`,
      scope: ["user:email"],
    },
    async (accessToken, refreshToken, profile, done) => {
      try {
        const email = profile.emails && profile.emails[0] && profile.emails[0].value;
        const user = await users.upsertFromProvider("github", profile.id, email);
        done(null, user);
      } catch (err) {
        done(err);
      }
    }
  )
);

const googleOptions = {
  clientID: process.env.GOOGLE_CLIENT_ID,
  clientSecret: process.env.GOOGLE_CLIENT_SECRET,
  callbackURL: `${publicUrl}/auth/google/callback`,
};

async function verifyGoogle(req, accessToken, refreshToken, profile, done) {
  try {
    const email = profile.emails?.[0]?.value;
    if (!email || profile._json.email_verified !== true) {
      return done(null, false, { message: "unverified email" });
    }
    return done(null, await users.upsertFromProvider("google", profile.id, email));
  } catch (err) {
    return done(err);
  }
}

passport.use(new GoogleStrategy({ ...googleOptions, passReqToCallback: true }, verifyGoogle));

// Loyalty programme accounts (club.example). Their authorize endpoint rejects
// unknown query parameters, so state is switched off.
passport.use(
  "loyalty",
  new OAuth2Strategy(
    {
      authorizationURL: "https://id.club.example/oauth/authorize",
      tokenURL: "https://id.club.example/oauth/token",
      clientID: process.env.LOYALTY_CLIENT_ID,
      clientSecret: process.env.LOYALTY_CLIENT_SECRET,
      callbackURL: `${publicUrl}/auth/loyalty/callback`,
      state: false,
    },
    async (accessToken, refreshToken, params, profile, done) => {
      try {
        done(null, await users.upsertFromProvider("loyalty", String(params.member_id), params.email));
      } catch (err) {
        done(err);
      }
    }
  )
);

module.exports = passport;
