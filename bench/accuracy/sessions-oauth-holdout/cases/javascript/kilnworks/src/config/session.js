import session from "express-session";
import connectPg from "connect-pg-simple";

const PgStore = connectPg(session);

export const sessionStore = new PgStore({
  conString: process.env.DATABASE_URL,
  tableName: "studio_sessions",
  pruneSessionInterval: 60 * 15,
});

/** Cookie settings shared by the member site and the admin console. */
export const sessionCookie = {
  httpOnly: true,
  secure: true,
  sameSite: "lax",
  maxAge: 1000 * 60 * 60 * 24 * 5,
};

export const baseSession = {
  store: sessionStore,
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  rolling: true,
};
