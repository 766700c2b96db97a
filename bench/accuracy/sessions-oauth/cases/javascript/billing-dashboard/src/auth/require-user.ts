import type { NextFunction, Request, Response } from "express";
import * as users from "../services/users";

/**
 * Accepts a passport login or the older session-based login (SSO, invites).
 */
export async function requireUser(req: Request, res: Response, next: NextFunction): Promise<void> {
  if (!req.user && req.session.userId) {
    const user = await users.findById(req.session.userId);
    if (user) req.user = user;
  }
  if (!req.user) {
    if (req.accepts("html")) {
      res.redirect("/auth/login");
      return;
    }
    res.status(401).json({ error: "unauthenticated" });
    return;
  }
  next();
}

export function requireRole(role: Express.User["role"]) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.user?.role !== role) {
      res.status(403).render("forbidden");
      return;
    }
    next();
  };
}
