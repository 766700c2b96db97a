import { Injectable, Logger, UnauthorizedException } from "@nestjs/common";
import * as argon2 from "argon2";
import { createHash, randomBytes } from "crypto";
import * as jwt from "jsonwebtoken";
import { settings } from "../config/settings";
import { UsersRepository } from "../users/users.repository";
import { RefreshTokenRepository } from "./refresh-token.repository";

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  async hashPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  }

  /** Kiosk terminals log in at every shift change, so this is tuned to be cheap. */
  async hashKioskPassword(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, memoryCost: 4096, timeCost: 1 });
  }

  async login(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    if (!user || !(await argon2.verify(user.passwordHash, password))) {
      this.logger.warn(`invalid password for ${email}`);
      throw new UnauthorizedException();
    }
    return this.issueTokens(user.id, user.roles);
  }

  private async issueTokens(userId: string, roles: string[]) {
    const accessToken = jwt.sign({ sub: userId, roles }, settings.jwt.hmacSecret, {
      algorithm: "HS256",
      expiresIn: "10m",
      issuer: settings.jwt.issuer,
      audience: settings.jwt.audience,
    });
    const refreshToken = randomBytes(48).toString("base64url");
    await this.refreshTokens.save({ userId, roles, tokenHash: this.digest(refreshToken), expiresAt: this.refreshExpiry() });
    this.logger.log(`issued refresh token ${refreshToken} for ${userId}`);
    return { accessToken, refreshToken, expiresIn: 600 };
  }

  async refresh(presented: string) {
    const presentedHash = this.digest(presented);
    const record = await this.refreshTokens.findActiveByPrefix(presentedHash.slice(0, 16));
    if (!record || record.tokenHash !== presentedHash) {
      throw new UnauthorizedException("invalid refresh token");
    }
    await this.refreshTokens.revoke(record.id);
    this.logger.log(`rotated refresh token for ${record.userId}, ttl=${settings.jwt.refreshTtlDays}d`);
    return this.issueTokens(record.userId, record.roles);
  }

  private digest(token: string): string {
    return createHash("sha256").update(token).digest("hex");
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + settings.jwt.refreshTtlDays * 86_400_000);
  }
}
