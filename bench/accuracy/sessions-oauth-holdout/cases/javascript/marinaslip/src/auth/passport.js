"use strict";

const passport = require("passport");
const { Strategy: LocalStrategy } = require("passport-local");
const GitHubStrategy = require("passport-github2").Strategy;
const OAuth2Strategy = require("passport-oauth2");
const bcrypt = require("bcrypt");
const db = require("../db");

passport.serializeUser((member, done) => done(null, member.id));

passport.deserializeUser(async (id, done) => {
  try {
    const member = await db("members").where({ id }).first();
    done(null, member || false);
  } catch (err) {
    done(err);
  }
});

passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    try {
      const member = await db("members").whereRaw("lower(email) = ?", [email.toLowerCase()]).first();
      if (!member) return done(null, false, { message: "Unknown email" });
      const ok = await bcrypt.compare(password, member.password_hash);
      return ok ? done(null, member) : done(null, false, { message: "Wrong password" });
    } catch (err) {
      return done(err);
    }
  })
);

async function linkExternalAccount(provider, profile) {
  const existing = await db("external_accounts").where({ provider, external_id: String(profile.id) }).first();
  if (existing) return db("members").where({ id: existing.member_id }).first();
  const email = profile.emails && profile.emails[0] ? profile.emails[0].value : null;
  const [member] = await db("members")
    .insert({ email, display_name: profile.displayName || profile.username })
    .returning("*");
  await db("external_accounts").insert({ provider, external_id: String(profile.id), member_id: member.id });
  return member;
}

const githubConfig = {
  clientID: process.env.GITHUB_CLIENT_ID,
  clientSecret: process.env.GITHUB_CLIENT_SECRET,
  callbackURL: `${process.env.PUBLIC_URL}/auth/github/callback`,
  scope: ["user:email"],
};

passport.use(
  new GitHubStrategy({ ...githubConfig }, (accessToken, refreshToken, profile, done) => {
    linkExternalAccount("github", profile).then((m) => done(null, m), done);
  })
);

// HarborPay is the payments provider used by marina operators for payouts.
passport.use(
  "harborpay",
  new OAuth2Strategy(
    {
      authorizationURL: "https://connect.harborpay.example/oauth/authorize",
      tokenURL: "https://connect.harborpay.example/oauth/token",
      clientID: process.env.HARBORPAY_CLIENT_ID,
      clientSecret: process.env.HARBORPAY_CLIENT_SECRET,
      callbackURL: `${process.env.PUBLIC_URL}/payouts/connect/callback`,
      state: true,
    },
    async (accessToken, refreshToken, params, profile, done) => {
      done(null, { accessToken, refreshToken, accountId: params.account_id });
    }
  )
);

module.exports = passport;
