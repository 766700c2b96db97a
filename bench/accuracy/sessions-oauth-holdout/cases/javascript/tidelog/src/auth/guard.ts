import { expressjwt as jwtGuard } from "express-jwt";
import type { RequestHandler } from "express";
import { isTokenRevoked } from "./revocation";

const bearerOptions = {
  secret: process.env.JWT_SECRET as string,
  algorithms: ["HS256" as const],
  audience: "tidelog-mobile",
};

/** Bearer-token guard for every authenticated route of the mobile API. */
export const requireBearer = jwtGuard({ ...bearerOptions, isRevoked: isTokenRevoked });

/** Routes that need a crew captain. */
export const requireCaptain: RequestHandler = (req, res, next) => {
  const auth = (req as unknown as { auth?: { role?: string } }).auth;
  if (auth?.role !== "captain") {
    res.status(403).json({ error: "captains only" });
    return;
  }
  next();
};
