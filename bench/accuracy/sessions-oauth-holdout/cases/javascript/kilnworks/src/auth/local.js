import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import argon2 from "argon2";
import { db } from "../db.js";

passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    try {
      const member = await db("members").where({ email: email.trim().toLowerCase() }).first();
      if (!member || !member.password_hash) return done(null, false);
      return (await argon2.verify(member.password_hash, password)) ? done(null, member) : done(null, false);
    } catch (err) {
      return done(err);
    }
  }),
);

passport.serializeUser((member, done) => done(null, member.id));
passport.deserializeUser((id, done) => {
  db("members").where({ id }).first().then((m) => done(null, m ?? false), done);
});

export default passport;
