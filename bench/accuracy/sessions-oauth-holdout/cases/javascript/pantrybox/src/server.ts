import express from "express";
import session, { type SessionOptions } from "express-session";
import createMemoryStore from "memorystore";
import lusca from "lusca";
import passport from "passport";
import { Strategy as LocalStrategy } from "passport-local";
import bcrypt from "bcryptjs";
import { pool } from "./db";
import { mountRoutes } from "./routes";

const MemoryStore = createMemoryStore(session);

function buildSessionOptions(): SessionOptions {
  return {
    store: new MemoryStore({ checkPeriod: 86_400_000 }),
    name: "pantry.sid",
    secret: process.env.SESSION_SECRET ?? "",
    resave: false,
    saveUninitialized: false,
    // The pantry laptop reaches the app over the LAN by IP, without TLS.
    cookie: { secure: false, httpOnly: true, sameSite: "lax", maxAge: 8 * 3600_000 },
  };
}

passport.use(
  new LocalStrategy(async (username, password, done) => {
    try {
      const { rows } = await pool.query("select id, username, password_hash from volunteers where username = $1", [username]);
      const volunteer = rows[0];
      if (!volunteer || !(await bcrypt.compare(password, volunteer.password_hash))) return done(null, false);
      return done(null, { id: volunteer.id, username: volunteer.username });
    } catch (err) {
      return done(err);
    }
  }),
);
passport.serializeUser((v: Express.User, done) => done(null, (v as { id: number }).id));
passport.deserializeUser(async (id: number, done) => {
  const { rows } = await pool.query("select id, username from volunteers where id = $1", [id]);
  done(null, rows[0] ?? false);
});

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session(buildSessionOptions()));
app.use(passport.initialize());
app.use(passport.session());

app.post("/login", lusca.csrf(), (req, res, next) => {
  passport.authenticate("local", (err: unknown, volunteer: Express.User | false) => {
    if (err) return next(err);
    if (!volunteer) return res.status(401).send("Unknown volunteer or wrong password");
    return req.logIn(volunteer, (e) => (e ? next(e) : res.send("Signed in")));
  })(req, res, next);
});

mountRoutes(app, lusca.csrf());

app.listen(Number(process.env.PORT ?? 3000));
