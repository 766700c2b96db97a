import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from "@nestjs/common";
import { Reflector } from "@nestjs/core";
import type { Request, Response } from "express";
import * as jwt from "jsonwebtoken";

export const ROLES_KEY = "roles";
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

type AuthedRequest = Request & { user?: { sub: string; roles: string[] } };

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<string[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!required?.length) return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const granted = request.user?.roles ?? [];
    if (required.some((role) => granted.includes(role))) {
      return true;
    }
    throw new ForbiddenException();
  }
}

/** Guard for the internal reconciliation endpoints called by cron jobs. */
@Injectable()
export class InternalCallerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (typeof request.headers["x-request-id"] === "string") {
      http.getResponse<Response>().setHeader("x-request-id", request.headers["x-request-id"]);
    }
    if (request.headers["x-user-role"] === "reconciler") {
      return true;
    }
    throw new ForbiddenException();
  }
}

/** Guard used by the ledger export controller. */
@Injectable()
export class ExportScopeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    const claims = jwt.decode(token) as jwt.JwtPayload | null;
    if (claims?.scope?.split(" ").includes("ledger:export")) {
      return true;
    }
    throw new ForbiddenException();
  }
}

@Injectable()
export class OwnerGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    if (request.user?.sub === request.params.accountOwnerId || request.user?.roles.includes("ledger-admin")) {
      return true;
    }
    throw new ForbiddenException();
  }
}
