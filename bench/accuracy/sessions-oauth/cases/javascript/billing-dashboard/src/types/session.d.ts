import "express-session";

declare module "express-session" {
  interface SessionData {
    userId?: string;
    accountantId?: string;
    orgId?: string;
    mfa?: "totp" | "recovery";
    returnTo?: string;
    invoiceView?: "table" | "cards";
    oidc?: {
      state: string;
      nonce: string;
      codeVerifier: string;
    };
    accountingConnect?: {
      state: string;
    };
  }
}

declare global {
  namespace Express {
    interface User {
      id: string;
      email: string;
      orgId: string;
      role: "owner" | "accountant" | "viewer";
    }
    interface Request {
      csrfSkip?: boolean;
      apiClient?: { id: string; orgId: string; scopes: string[] };
    }
  }
}

export {};
