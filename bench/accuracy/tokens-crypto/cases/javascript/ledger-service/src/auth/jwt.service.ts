import { Injectable, UnauthorizedException } from "@nestjs/common";
import * as jose from "jose";
import * as jwt from "jsonwebtoken";
import { algorithmsOnly, baseVerifyOptions, batchVerifyOptions, settings } from "../config/settings";

export interface Principal {
  sub: string;
  roles: string[];
  tenantId?: string;
}

const partnerVerifyOptions: jwt.VerifyOptions = { algorithms: ["HS256"], maxAge: "1h" };

@Injectable()
export class JwtService {
  private readonly jwks = jose.createRemoteJWKSet(new URL(settings.jwt.jwksUrl));
  private readonly partnerKey = new TextEncoder().encode(settings.jwt.partnerSecret);
  private readonly localKeys = new Map<string, string>([["ledger-2024", settings.jwt.publicKeyPem]]);

  async verifyUserToken(token: string): Promise<Principal> {
    const { payload } = await jose.jwtVerify(token, this.jwks, {
      issuer: settings.jwt.issuer,
      audience: settings.jwt.audience,
    });
    return { sub: String(payload.sub), roles: (payload.roles as string[]) ?? [], tenantId: payload.tid as string };
  }

  async verifyPartnerToken(token: string): Promise<jose.JWTPayload> {
    const { payload } = await jose.jwtVerify(token, this.partnerKey);
    return payload;
  }

  verifyLocalToken(token: string): Principal {
    const { kid } = jose.decodeProtectedHeader(token);
    const key = kid ? this.localKeys.get(kid) : undefined;
    if (!key) throw new UnauthorizedException();
    const claims = jwt.verify(token, key, { ...baseVerifyOptions, audience: settings.jwt.audience }) as jwt.JwtPayload;
    return { sub: String(claims.sub), roles: claims.roles ?? [] };
  }

  verifyBatchToken(token: string): jwt.JwtPayload {
    return jwt.verify(token, settings.jwt.hmacSecret, batchVerifyOptions) as jwt.JwtPayload;
  }

  verifyLegacyPartnerToken(token: string): jwt.JwtPayload {
    return jwt.verify(token, settings.jwt.partnerSecret, partnerVerifyOptions) as jwt.JwtPayload;
  }

  verifyReportingToken(token: string): jwt.JwtPayload {
    return jwt.verify(token, settings.jwt.publicKeyPem, { ...algorithmsOnly, clockTolerance: 5 }) as jwt.JwtPayload;
  }
}
