import express from "express";
import session from "express-session";
import passport from "passport";
import { baseSession, sessionCookie } from "./config/session.js";
import "./auth/local.js";
import authRoutes from "./routes/auth.js";
import classRoutes from "./routes/classes.js";
import studioPassRoutes from "./auth/studiopass.js";
import instructorApi from "./api/instructor.js";

const app = express();
app.set("view engine", "ejs");
app.set("trust proxy", 1);

app.use(express.static("public", { maxAge: "1d" }));
app.use(express.urlencoded({ extended: true }));
app.use(express.json());

// The instructor phone app uses bearer tokens, not the member session.
app.use("/api/instructor", instructorApi);

app.use(session({
  ...baseSession,
  name: "kiln.sid",
  cookie: sessionCookie,
}));
app.use(passport.initialize());
app.use(passport.session());

app.use((req, res, next) => {
  res.locals.member = req.user ?? null;
  res.locals.theme = req.session.theme ?? "clay";
  next();
});

app.use(authRoutes);
app.use("/classes", classRoutes);
app.use("/connect", studioPassRoutes);

app.use((req, res) => res.status(404).render("not-found"));

app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log("kilnworks member site up");
});
