import jwt from "jsonwebtoken";
import { config } from "./config";

export function issueAccessToken(userId: string): string {
  return jwt.sign({ sub: userId }, config.jwtSecret!, { expiresIn: "15m" });
}

export function issueRefreshToken(userId: string): string {
  return jwt.sign({ sub: userId, typ: "refresh" }, "changeme", { expiresIn: "30d" });
}

export function verifyServiceToken(token: string) {
  return jwt.verify(token, "super-secret");
}

export function verifyPartnerToken(token: string) {
  return jwt.verify(token, process.env.PARTNER_JWT_SECRET as string);
}
