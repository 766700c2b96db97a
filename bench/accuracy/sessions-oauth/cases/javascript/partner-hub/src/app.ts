import express from "express";
import cookieParser from "cookie-parser";
import cookieSession from "cookie-session";
import { UnauthorizedError } from "express-jwt";
import authRoutes from "./routes/auth";
import accountRoutes from "./routes/account";
import integrationRoutes from "./routes/integrations";
import sdkRoutes from "./routes/sdk";
import adminRoutes from "./routes/admin";

export const app = express();

app.set("trust proxy", true);
app.set("view engine", "ejs");
app.use(express.urlencoded({ extended: false }));
app.use(express.json());
app.use(cookieParser());

// Short-lived UI state (flash messages, OAuth connect state). Identity is in partner_jwt.
app.use(cookieSession({
  name: "ph_state",
  keys: (process.env.COOKIE_KEYS ?? "").split(","),
  maxAge: 60 * 60 * 1000,
  secure: false,
  httpOnly: true,
  sameSite: "lax",
}));

app.use("/auth", authRoutes);
app.use("/account", accountRoutes);
app.use("/integrations", integrationRoutes);
app.use("/api/sdk", sdkRoutes);
app.use("/admin", adminRoutes);

app.use((err: Error, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (err instanceof UnauthorizedError) {
    if (req.accepts("html")) {
      res.redirect("/auth/login");
      return;
    }
    res.status(401).json({ error: "unauthorized" });
    return;
  }
  next(err);
});
