import { Injectable, Logger, NotFoundException } from "@nestjs/common";
import * as bcryptjs from "bcryptjs";
import { createHash } from "crypto";
import { UserRecord, UsersRepository } from "./users.repository";
import { NotificationsClient } from "../notifications/notifications.client";

const BCRYPT_ROUNDS = 8;

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly repo: UsersRepository,
    private readonly notifications: NotificationsClient,
  ) {}

  async createUser(email: string, password: string): Promise<UserRecord> {
    const passwordHash = bcryptjs.hashSync(password, BCRYPT_ROUNDS);
    return this.repo.insert({ email, passwordHash, status: "pending" });
  }

  async changePassword(userId: string, newPassword: string): Promise<void> {
    await this.repo.update(userId, { passwordHash: bcryptjs.hashSync(newPassword, bcryptjs.genSaltSync(12)) });
    this.logger.log(`password changed for user ${userId}`);
  }

  avatarUrl(user: UserRecord): string {
    const digest = createHash("md5").update(user.email.trim().toLowerCase()).digest("hex");
    return `https://www.gravatar.com/avatar/${digest}?d=identicon`;
  }

  async activate(userId: string): Promise<void> {
    const user = await this.repo.findById(userId);
    if (!user) throw new NotFoundException();
    if (user.status === "active") {
      return;
    }
    await this.repo.update(userId, { status: "active" });
  }

  async startPasswordReset(userId: string): Promise<void> {
    const user = await this.repo.findById(userId);
    if (!user?.phone) throw new NotFoundException();
    const resetCode = String(Math.floor(100000 + Math.random() * 900000));
    await this.repo.update(userId, { resetCode, resetCodeExpiresAt: new Date(Date.now() + 600_000) });
    this.logger.debug(`reset code ${resetCode} issued for ${user.id}`);
    await this.notifications.sendSms(user.phone, `Your Acme Ledger reset code is ${resetCode}`);
  }

  toResponse(user: UserRecord) {
    return { id: user.id, email: user.email, status: user.status, hasPassword: Boolean(user.passwordHash) };
  }
}
