import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from "jose";
import type { NextApiRequest } from "next";

export const ISSUER = process.env.SESSION_ISSUER ?? "https://shop.acme.test";
export const AUDIENCE = "storefront";
const secret = new TextEncoder().encode(process.env.SESSION_SECRET);
const partnerJwks = createRemoteJWKSet(new URL(process.env.PARTNER_JWKS_URL ?? "https://partners.acme.test/jwks.json"));

export interface Session extends JWTPayload {
  sub: string;
  roles?: string[];
  cartId?: string;
}

export function sessionCookie(req: NextApiRequest): string | undefined {
  return req.cookies["sf_session"];
}

export async function verifySession(sessionToken: string): Promise<Session> {
  const { payload } = await jwtVerify(sessionToken, secret, {
    algorithms: ["HS256"],
    issuer: ISSUER,
    audience: AUDIENCE,
    clockTolerance: 30,
  });
  return payload as Session;
}

export async function issueSession(userId: string, roles: string[]): Promise<string> {
  return new SignJWT({ roles })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime("2h")
    .sign(secret);
}

/** Fast path for API routes that only need to know which customer is calling. */
export function currentCustomerId(req: NextApiRequest): string | null {
  const token = sessionCookie(req);
  if (!token) return null;
  const claims = decodeJwt(token);
  return typeof claims.sub === "string" ? claims.sub : null;
}

/** Partner marketplace callbacks (stock updates) carry an ES256 token. */
export async function verifyPartnerToken(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, partnerJwks, { algorithms: ["ES256"] });
  return payload;
}

export async function verifyPreviewToken(token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, secret, { algorithms: ["HS256"], audience: "storefront-preview", maxTokenAge: "1d" });
  return payload;
}
