import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import argon2 from "argon2";
import * as users from "../services/users";

passport.use(
  new LocalStrategy({ usernameField: "email" }, async (email, password, done) => {
    try {
      const user = await users.findByEmailWithHash(email.toLowerCase());
      if (!user || !user.passwordHash) {
        return done(null, false);
      }
      if (!(await argon2.verify(user.passwordHash, password))) {
        return done(null, false);
      }
      return done(null, { id: user.id, email: user.email, orgId: user.orgId, role: user.role });
    } catch (err) {
      return done(err);
    }
  }),
);

passport.serializeUser((user, done) => {
  done(null, user.id);
});

passport.deserializeUser(async (id: string, done) => {
  try {
    const user = await users.findById(id);
    done(null, user ?? false);
  } catch (err) {
    done(err);
  }
});
